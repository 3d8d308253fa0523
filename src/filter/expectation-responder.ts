import type { IncomingMessage, ServerResponse } from 'node:http';

/** Answers a request whose `Expect` header the server cannot meet. */
export type UnmetExpectationAnswer = (request: IncomingMessage, response: ServerResponse) => void;

interface NodeServer {
  on(event: 'checkExpectation', listener: UnmetExpectationAnswer): unknown;
  listenerCount(event: 'checkExpectation'): number;
}

/** Marks a server whose unmet expectations are answered already. */
const ANSWERED = Symbol.for('nestjs-api-errors.unmet-expectations');

/**
 * Node answers a request whose `Expect` header is anything but
 * `100-continue` itself, before any framework sees it, with an empty 417.
 * This hands those requests to `answer` instead, so they get the envelope and
 * a request id like any other error. `100-continue` is left as it is, and so
 * is the request when the application listens for `checkExpectation` itself.
 */
export function answerUnmetExpectations(server: unknown, answer: UnmetExpectationAnswer): void {
  if (!isNodeServer(server) || Object.hasOwn(server, ANSWERED)) return;
  Object.defineProperty(server, ANSWERED, { value: true });
  server.on('checkExpectation', (request, response) => {
    // The application's own listener, added before or after this one, answers.
    if (server.listenerCount('checkExpectation') > 1) return;
    try {
      answer(request, response);
    } catch {
      response.destroy();
    }
  });
}

function isNodeServer(server: unknown): server is NodeServer {
  const candidate = server as Partial<NodeServer> | null;
  return typeof candidate?.on === 'function' && typeof candidate.listenerCount === 'function';
}
