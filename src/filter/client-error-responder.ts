import type { Socket } from 'node:net';
import { HTTP_STATUS_PHRASES } from '../catalog/http-status-phrases.js';
import type { RenderedError } from '../formats/error-format.interface.js';

/** What the filter hands the responder: the answer to a request Node refused. */
export type ClientErrorRenderer = (error: Error & { code?: string }) => {
  rendered: RenderedError;
  headers: Readonly<Record<string, string>>;
};

interface NodeServer {
  on(event: 'clientError', listener: (error: Error, socket: Socket) => void): unknown;
  removeAllListeners(event: 'clientError'): unknown;
}

/**
 * Node's HTTP parser refuses some requests before any framework sees them
 * (a NUL byte in a header, headers over its size limit, a broken request
 * line) and answers them with an empty 400 or 431; Fastify answers with its
 * own JSON. This answers them with the configured envelope instead, written
 * straight to the socket, as nothing above it exists yet.
 */
export function answerRefusedRequests(server: unknown, render: ClientErrorRenderer): void {
  if (!isNodeServer(server)) return;
  server.removeAllListeners('clientError');
  server.on('clientError', (error: Error & { code?: string }, socket: Socket) => {
    // A reset connection has nobody to answer; a half-written one must not get a second answer.
    if (error.code === 'ECONNRESET' || !socket.writable || hasResponded(socket)) {
      socket.destroy();
      return;
    }
    try {
      const { rendered, headers } = render(error);
      const body = JSON.stringify(rendered.body);
      const phrase = HTTP_STATUS_PHRASES.get(rendered.status) ?? 'Error';
      const lines = [`HTTP/1.1 ${rendered.status} ${phrase}`];
      for (const [name, value] of Object.entries({ ...headers, ...rendered.headers })) {
        lines.push(`${name}: ${value}`);
      }
      lines.push(`Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close');
      socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
    } catch {
      socket.destroy();
    }
  });
}

function isNodeServer(server: unknown): server is NodeServer {
  return (
    typeof server === 'object' &&
    server !== null &&
    typeof (server as NodeServer).on === 'function' &&
    typeof (server as NodeServer).removeAllListeners === 'function'
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
