import { type ArgumentsHost, HttpException } from '@nestjs/common';

/** Where the filter leaves itself on the Fastify instance at bootstrap. */
export const FILTER_ON_FASTIFY = Symbol.for('nestjs-api-errors.filter');

interface ExceptionCatcher {
  catch(exception: unknown, host: ArgumentsHost): unknown;
}

/** The parts of Fastify's request and reply this handler reads. */
interface FrameworkRequest {
  readonly server?: object;
}
interface FrameworkReply {
  code(status: number): FrameworkReply;
  header(name: string, value: string): FrameworkReply;
  send(body: string): unknown;
}
interface FrameworkError extends Error {
  readonly statusCode?: number;
}

const FALLBACK_BODY = '{"meta":{"code":88,"message":"Invalid Parameter"}}';

/**
 * Fastify's router rejects some URLs (broken percent-encoding, an overlong
 * path parameter) before Nest sees the request, and answers them itself. Pass
 * this as the adapter's `frameworkErrors` option so they get the same
 * envelope as every other error:
 *
 * @example
 * NestFactory.create(AppModule, new FastifyAdapter({ frameworkErrors: fastifyFrameworkErrors }));
 *
 * @publicApi
 */
export function fastifyFrameworkErrors(error: Error, request: unknown, reply: unknown): void {
  const filter = (
    (request as FrameworkRequest).server as Record<symbol, ExceptionCatcher | undefined> | undefined
  )?.[FILTER_ON_FASTIFY];
  if (filter === undefined) {
    // No filter of this library in the app at all: still no echo of the URL.
    (reply as FrameworkReply)
      .code(400)
      .header('content-type', 'application/json; charset=utf-8')
      .send(FALLBACK_BODY);
    return;
  }
  const status = (error as FrameworkError).statusCode ?? 400;
  filter.catch(
    new HttpException(error.message, status, { cause: error }),
    httpHost(request, reply),
  );
}

function httpHost(request: unknown, reply: unknown): ArgumentsHost {
  const args = [request, reply];
  const http = {
    getRequest: () => request,
    getResponse: () => reply,
    getNext: () => undefined,
  };
  return {
    getArgs: () => args,
    getArgByIndex: (index: number) => args[index],
    getType: () => 'http',
    switchToHttp: () => http,
    switchToRpc: () => {
      throw new Error('not an RPC context');
    },
    switchToWs: () => {
      throw new Error('not a WebSocket context');
    },
  } as unknown as ArgumentsHost;
}
