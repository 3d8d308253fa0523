import type { Socket } from 'node:net';
import { HTTP_STATUS_PHRASES } from '../catalog/http-status-phrases.js';
import type { RenderedError } from '../formats/error-format.interface.js';

/** What the filter hands the responder: the answer to a request Node refused. */
export type ClientErrorRenderer = (error: Error & { code?: string }) => {
  rendered: RenderedError;
  headers: Readonly<Record<string, string>>;
  contentType: string;
  /** Logs the answer once it is written (`sent`), or once writing it failed. */
  logged(sent: boolean): void;
};

type ClientErrorListener = (error: Error & { code?: string }, socket: Socket) => void;

type AnyListener = (...args: unknown[]) => unknown;

interface NodeServer {
  on(event: 'clientError', listener: ClientErrorListener): unknown;
  listeners(event: 'clientError'): AnyListener[];
  removeListener(event: 'clientError', listener: AnyListener): unknown;
}

/**
 * Node's HTTP parser refuses some requests before any framework sees them
 * (a NUL byte in a header, headers over its size limit, a broken request
 * line) and answers them with an empty 400 or 431; Fastify answers with its
 * own JSON. This answers them with the configured envelope instead, written
 * straight to the socket, as nothing above it exists yet.
 *
 * The application's own `clientError` listeners (metrics, say) stay and run
 * as before; this one answers only a socket whose current response has not
 * begun (a listener of the app's may have answered first). Only Fastify's
 * built-in answer is replaced, since it would write first.
 */
export function answerRefusedRequests(server: unknown, render: ClientErrorRenderer): void {
  // One answer per server, however many filters (a global one, others per module) attach.
  if (!isNodeServer(server) || Object.hasOwn(server, ANSWERED)) return;
  Object.defineProperty(server, ANSWERED, { value: true });
  for (const listener of server.listeners('clientError')) {
    if (isFastifyDefaultAnswer(listener)) server.removeListener('clientError', listener);
  }
  server.on('clientError', (error, socket) => {
    // A reset connection has nobody to answer; a half-written one must not get a second answer.
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    // Node's own rule: a kept-alive socket that answered earlier requests may still get this answer.
    if (!socket.writable || hasResponded(socket)) {
      if (!socket.destroyed && socket.writableEnded !== true) socket.destroy();
      return;
    }
    let answer: ReturnType<ClientErrorRenderer> | undefined;
    let sent = false;
    try {
      answer = render(error);
      const { rendered, headers, contentType } = answer;
      const body = JSON.stringify(rendered.body);
      const phrase = HTTP_STATUS_PHRASES.get(rendered.status) ?? 'Error';
      const lines = [`HTTP/1.1 ${rendered.status} ${phrase}`, `Content-Type: ${contentType}`];
      for (const [name, value] of Object.entries({ ...headers, ...rendered.headers })) {
        lines.push(`${name}: ${value}`);
      }
      lines.push(`Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close');
      socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
      sent = true;
    } catch {
      socket.destroy();
    }
    // Like any other error's, so the id the client was sent can be found in the log.
    answer?.logged(sent);
  });
}

/** Marks a server whose refused requests are answered already. */
const ANSWERED = Symbol.for('nestjs-api-errors.client-errors');

/** Fastify registers its default answer as a bound `defaultClientErrorHandler`. */
function isFastifyDefaultAnswer(listener: AnyListener): boolean {
  return listener.name === 'bound defaultClientErrorHandler';
}

function isNodeServer(server: unknown): server is NodeServer {
  const candidate = server as Partial<NodeServer> | null;
  return (
    typeof candidate?.on === 'function' &&
    typeof candidate.listeners === 'function' &&
    typeof candidate.removeListener === 'function'
  );
}

/**
 * Never write a second status line on a socket whose response has begun;
 * Node's own `clientError` handler checks the same (private) field.
 */
function hasResponded(socket: Socket): boolean {
  return (
    (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent ===
    true
  );
}
