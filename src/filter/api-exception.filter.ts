import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Inject,
  type OnApplicationBootstrap,
  type OnModuleInit,
  Optional,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { UNKNOWN_REPORT } from '../classify/create-classifier.js';
import { handParserErrorsAsCause } from '../classify/parser-error-handoff.js';
import { statusOfRefusedRequest } from '../classify/request-parsing.mapper.js';
import { ERRORS_MODULE_OPTIONS } from '../errors.constants.js';
import { withoutStack } from '../exceptions/without-stack.js';
import { isBuiltInFormat, resolveFormat } from '../formats/built-in-formats.js';
import type {
  ErrorFormat,
  RenderContext,
  RenderedError,
} from '../formats/error-format.interface.js';
import { carriesRetryAfter } from '../formats/format-table.js';
import { metaFormat } from '../formats/meta.format.js';
import type { ErrorsModuleOptions } from '../interfaces/errors-module-options.interface.js';
import type { ErrorReport } from '../report/error-report.interface.js';
import { answerRefusedRequests, type ClientErrorRenderer } from './client-error-responder.js';
import { createErrorLogger, type ErrorLogger, type ErrorOutcome } from './error-logger.js';
import { FILTER_ON_FASTIFY } from './fastify-framework-errors.js';
import { leaveToNest } from './non-http-exceptions.js';
import {
  createRequestIdResolver,
  frameworkMakesRequestIds,
  newRequestId,
  type RequestIdResolver,
} from './request-id.js';
import { type ErrorAnswer, type HttpAdapterLike, writeError } from './response-writer.js';
import { answerUnmetExpectations } from './expectation-responder.js';
import { createErrorRenderer, type ErrorRenderer } from './render-error.js';
import { retryAfterHeader } from './retry-after.js';
import { raiseRouteNotFoundWithoutStack } from './route-not-found-handoff.js';

/** What the filter reads from Nest's HTTP adapter besides what the writer needs. */
interface HttpAdapter extends HttpAdapterLike {
  getRequestMethod(request: unknown): string;
  getRequestUrl(request: unknown): string;
  getHeader?(response: unknown, name: string): unknown;
  getInstance(): unknown;
  getHttpServer?(): unknown;
}

/** An error's answer, and what the log needs to know of it. */
interface Answer extends ErrorAnswer {
  /** The report as classified, before redaction, for the log. */
  readonly report: ErrorReport;
  /** A step that failed on the way (a mapper, the format), answered with a bare 500. */
  readonly failure?: unknown;
}

/**
 * The global exception filter: every error thrown while serving an HTTP
 * request becomes one envelope. Each error goes classify -> redact -> render
 * -> send -> log; everything those steps need is built here, once.
 *
 * `ErrorsModule` registers it for you. To use it without the module, create
 * it once the app exists:
 * ```ts
 * const app = await NestFactory.create(AppModule);
 * app.useGlobalFilters(new ApiExceptionFilter(app.get(HttpAdapterHost), { format: 'meta' }));
 * ```
 * Subclasses may override {@link ApiExceptionFilter.getRequestId} to find
 * request ids their own way.
 *
 * @publicApi
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter, OnModuleInit, OnApplicationBootstrap {
  private readonly renderError: ErrorRenderer;
  private readonly format: ErrorFormat;
  /** Built-in formats render plain JSON data, which the framework may serialise itself. */
  private readonly serialisable: boolean;
  private readonly log: ErrorLogger;
  /** Lower-cased name of the request id header; `undefined` when request ids are off. */
  private readonly requestIdHeader: string | undefined;
  private readonly requestIdLookup: ErrorsModuleOptions['requestId'];
  private resolveRequestId: RequestIdResolver | undefined;
  private readonly handleClientErrors: boolean;
  private attached = false;

  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Optional() @Inject(ERRORS_MODULE_OPTIONS) options: ErrorsModuleOptions = {},
  ) {
    this.format = resolveFormat(options.format);
    // Read only for a 429 or 503: a rate limiter sets Retry-After before it throws.
    this.renderError = createErrorRenderer(options, this.format, (response) =>
      (this.adapterHost.httpAdapter as unknown as HttpAdapter).getHeader?.(response, 'retry-after'),
    );
    this.serialisable = isBuiltInFormat(this.format);
    this.log = createErrorLogger({ logClientErrors: options.logClientErrors ?? false });
    this.requestIdHeader = requestIdHeaderOf(options.requestIdHeader);
    this.requestIdLookup = options.requestId;
    this.resolveRequestId = this.requestIdResolver(false);
    this.handleClientErrors = options.handleClientErrors ?? true;
    this.wrapAdapterHandlers();
    // Created by hand after `NestFactory.create()`, the server exists already
    // and Nest will not call `onApplicationBootstrap()` on this instance.
    this.attach();
  }

  /** Built by `@nestjs/testing`, the filter exists before the adapter does. */
  onModuleInit(): void {
    this.wrapAdapterHandlers();
  }

  /** Wraps the handlers Nest gives its HTTP adapter when the application initialises. */
  private wrapAdapterHandlers(): void {
    handParserErrorsAsCause(this.adapterHost?.httpAdapter);
    raiseRouteNotFoundWithoutStack(this.adapterHost?.httpAdapter);
  }

  /** Registered by the module, the filter exists before the server does. */
  onApplicationBootstrap(): void {
    this.attach();
  }

  catch(exception: unknown, host: ArgumentsHost): undefined {
    if (host.getType() !== 'http') return leaveToNest(exception, host);
    // By index, as Nest's own filter does: `switchToHttp()` allocates on every call.
    const request: unknown = host.getArgByIndex(0);
    const response: unknown = host.getArgByIndex(1);
    const adapter = this.adapterHost.httpAdapter as unknown as HttpAdapter;
    const context: RenderContext = {
      method: String(adapter.getRequestMethod(request)),
      url: String(adapter.getRequestUrl(request)),
      requestId: this.requestIdHeader === undefined ? undefined : this.requestIdOf(request),
    };
    this.respond(exception, context, adapter, response);
    return undefined;
  }

  /** The id from `getRequestId`, or a new one when the lookup (the app's own, say) throws. */
  private requestIdOf(request: unknown): string | undefined {
    try {
      return this.getRequestId(request);
    } catch {
      return newRequestId();
    }
  }

  /**
   * The request id of an error: by default the `requestId` option's lookup, or
   * the id header, Fastify's configured `request.id`, a `traceparent`'s trace
   * id, or a new UUID. Override it to find ids another way; what it returns
   * is sent as it is, so it must be safe to echo.
   */
  protected getRequestId(request: unknown): string | undefined {
    return this.resolveRequestId?.(request);
  }

  /** Answers and logs one error; nothing here may throw back into Nest. */
  private respond(
    exception: unknown,
    context: RenderContext,
    adapter: HttpAdapter,
    response: unknown,
  ): void {
    const answer = this.answer(exception, context, response);
    let failure = answer.failure;
    let status = answer.rendered.status;
    let sent: boolean;
    try {
      sent = writeError(adapter, response, answer);
    } catch (writeFailure) {
      // The body could not be serialised, or the adapter refused a header: answer a bare 500.
      failure ??= writeFailure;
      status = 500;
      sent = this.sendUnknown(adapter, response, context);
    }
    this.logSafely({ exception, report: answer.report, status, sent, failure }, context);
  }

  private logSafely(outcome: ErrorOutcome, context: RenderContext): void {
    try {
      this.log(outcome, context);
    } catch {
      // A failing logger must not turn a handled error into an unhandled one.
    }
  }

  /**
   * Reaches the errors that happen before Nest sees a request: lets
   * `fastifyFrameworkErrors` find this filter, and answers the requests
   * Node's HTTP parser refuses. Done once, as soon as the server exists.
   */
  private attach(): void {
    const adapter = this.adapterHost?.httpAdapter as unknown as HttpAdapter | undefined;
    const server = adapter?.getHttpServer?.();
    if (this.attached || adapter === undefined || server === undefined) return;
    this.attached = true;
    const instance: unknown = adapter.getInstance();
    if (typeof instance === 'object' && instance !== null && 'decorate' in instance) {
      Object.defineProperty(instance, FILTER_ON_FASTIFY, { value: this, configurable: true });
      this.resolveRequestId = this.requestIdResolver(frameworkMakesRequestIds(instance));
    }
    if (this.handleClientErrors) {
      answerRefusedRequests(server, (error) => this.renderRefused(error));
      answerUnmetExpectations(server, (request, response) =>
        this.refuseExpectation(adapter, request, response),
      );
    }
  }

  /** A request Node would answer with an empty 417, answered as any other error. */
  private refuseExpectation(
    adapter: HttpAdapter,
    request: IncomingMessage,
    response: ServerResponse,
  ): void {
    const context: RenderContext = {
      method: String(request.method),
      url: String(request.url),
      requestId: this.requestIdHeader === undefined ? undefined : this.requestIdOf(request),
    };
    const exception = withoutStack(() => new HttpException(UNMET_EXPECTATION, 417));
    this.respond(exception, context, adapter, response);
  }

  private requestIdResolver(frameworkId: boolean): RequestIdResolver | undefined {
    if (this.requestIdHeader === undefined) return undefined;
    return createRequestIdResolver({
      header: this.requestIdHeader,
      lookup: this.requestIdLookup,
      frameworkId,
    });
  }

  /** The rendered answer; a step that throws costs a bare 500, not the answer. */
  private answer(exception: unknown, context: RenderContext, response: unknown): Answer {
    try {
      const { report, rendered } = this.renderError(exception, context, response);
      return this.answerOf(report, rendered, context, this.serialisable);
    } catch (failure) {
      return { ...this.unknownAnswer(context), failure };
    }
  }

  private answerOf(
    report: ErrorReport,
    rendered: RenderedError,
    context: RenderContext,
    serialisable: boolean,
    format: ErrorFormat = this.format,
  ): Answer {
    return {
      report,
      rendered,
      contentType: format.contentType,
      headers: this.headersFor(report, rendered, context),
      serialisable,
    };
  }

  /** The headers every error gets besides the format's own: request id, Retry-After. */
  private headersFor(
    report: ErrorReport,
    rendered: RenderedError,
    context: RenderContext,
  ): Record<string, string> {
    const headers: Record<string, string> = {};
    if (context.requestId !== undefined && this.requestIdHeader !== undefined) {
      headers[this.requestIdHeader] = context.requestId;
    }
    if (carriesRetryAfter(rendered.status) && report.retryAfter !== undefined) {
      headers['retry-after'] = retryAfterHeader(report.retryAfter);
    }
    return headers;
  }

  /** The answer to a request Node refused, through the same steps as any other error. */
  private renderRefused(error: Error & { code?: string }): ReturnType<ClientErrorRenderer> {
    const context: RenderContext = {
      method: '',
      url: '',
      requestId: this.requestIdHeader === undefined ? undefined : newRequestId(),
    };
    const status = statusOfRefusedRequest(error.code);
    const exception = withoutStack(
      () => new HttpException('Refused by the HTTP parser', status, { cause: error }),
    );
    const answer = this.answer(exception, context, undefined);
    const { report, rendered, failure } = answer;
    return {
      rendered,
      headers: answer.headers,
      contentType: answer.contentType,
      logged: (sent) =>
        this.logSafely({ exception, report, status: rendered.status, sent, failure }, context),
    };
  }

  private sendUnknown(adapter: HttpAdapter, response: unknown, context: RenderContext): boolean {
    try {
      return writeError(adapter, response, this.unknownAnswer(context));
    } catch {
      adapter.end(response);
      return false;
    }
  }

  /** A bare 500 in the configured format, or in `meta` if that format fails even for it. */
  private unknownAnswer(context: RenderContext): Answer {
    try {
      const rendered = this.format.render(UNKNOWN_REPORT, context);
      // The last answer there is: it must be one that can be sent.
      JSON.stringify(rendered.body);
      return this.answerOf(UNKNOWN_REPORT, rendered, context, this.serialisable);
    } catch {
      const rendered = metaFormat.render(UNKNOWN_REPORT, context);
      return this.answerOf(UNKNOWN_REPORT, rendered, context, true, metaFormat);
    }
  }
}

/** What a 417 says: Node's parser accepted the request, but not its `Expect` header. */
const UNMET_EXPECTATION = 'Request has an Expect header the server cannot meet';

/** An HTTP header name (RFC 9110 token); checked at start-up, since every error sends it. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;

/**
 * Headers an error answer already sets, or that frame the HTTP message: an id
 * echoed in one of them would replace it, or break the response.
 */
const RESERVED_HEADERS: ReadonlySet<string> = new Set([
  'connection',
  'content-encoding',
  'content-length',
  'content-type',
  'date',
  'keep-alive',
  'location',
  'retry-after',
  'set-cookie',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** The lower-cased request id header, or `undefined` when request ids are off. */
function requestIdHeaderOf(option: string | false | undefined): string | undefined {
  if (option === false) return undefined;
  const header = option ?? 'X-Request-Id';
  if (typeof header !== 'string' || !HEADER_NAME.test(header)) {
    throw new TypeError(
      `requestIdHeader must be an HTTP header name (letters, digits and !#$%&'*+.^_\`|~-) or false, got ${JSON.stringify(header)}`,
    );
  }
  const name = header.toLowerCase();
  if (RESERVED_HEADERS.has(name)) {
    throw new TypeError(
      `requestIdHeader must not be ${header}: every error answer sets or depends on that header; use a header of its own such as X-Request-Id`,
    );
  }
  return name;
}
