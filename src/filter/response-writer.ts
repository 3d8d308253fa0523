import type { RenderedError } from '../formats/error-format.interface.js';

/** The calls on Nest's HTTP adapter the generic writer needs; every adapter has them. */
export interface HttpAdapterLike {
  isHeadersSent(response: unknown): boolean;
  setHeader(response: unknown, name: string, value: string): unknown;
  reply(response: unknown, body: unknown, status?: number): unknown;
  end(response: unknown, message?: string): unknown;
}

/** One error answer, ready to send. */
export interface ErrorAnswer {
  readonly rendered: RenderedError;
  readonly contentType: string;
  /** Headers every error gets besides the format's own (request id, Retry-After). */
  readonly headers: Readonly<Record<string, string>>;
  /**
   * The body is plain JSON data (a built-in format's, from a report whose
   * descriptions were copied safely), so the framework may serialise it.
   * Other bodies are serialised here first, where a failure can still be answered.
   */
  readonly serialisable: boolean;
}

/** Fastify's own Content-Type for JSON it serialises. */
const FASTIFY_JSON = 'application/json; charset=utf-8';

interface FastifyReplyLike {
  readonly raw: { readonly headersSent: boolean; readonly writableEnded: boolean; end(): void };
  code(status: number): FastifyReplyLike;
  header(name: string, value: string): FastifyReplyLike;
  getHeader(name: string): unknown;
  send(payload: unknown): unknown;
}

interface NodeResponseLike {
  readonly headersSent: boolean;
  readonly writableEnded: boolean;
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(payload?: string): unknown;
}

/**
 * The send step, and the only code that writes to a response Nest created.
 * The two adapters Nest ships are written to directly, which is what their
 * own `reply()` ends up doing, minus the checks an error body never needs;
 * any other adapter goes through Nest's `HttpAdapter`.
 *
 * @returns `false` when the response had already started (a stream, a
 * handler using `@Res()`): nothing is written then, the response is only
 * ended, as Nest's own filter does.
 */
export function writeError(
  adapter: HttpAdapterLike,
  response: unknown,
  answer: ErrorAnswer,
): boolean {
  if (isFastifyReply(response)) return writeToFastify(response, answer);
  if (isNodeResponse(response)) return writeToNode(response, answer);
  return writeThroughAdapter(adapter, response, answer);
}

/**
 * Fastify serialises a JSON body itself, as for Nest's own filter; a body
 * that is not known to be plain JSON is serialised first, so a failure is
 * thrown here, before anything is written.
 */
function writeToFastify(reply: FastifyReplyLike, answer: ErrorAnswer): boolean {
  if (reply.raw.headersSent) {
    if (!reply.raw.writableEnded) reply.raw.end();
    return false;
  }
  const payload = answer.serialisable ? answer.rendered.body : JSON.stringify(answer.rendered.body);
  reply.code(answer.rendered.status);
  // Fastify sets its JSON type when none is set; one set earlier (a handler's `text/html`) is replaced.
  if (
    answer.contentType !== FASTIFY_JSON ||
    !answer.serialisable ||
    reply.getHeader('content-type') !== undefined
  ) {
    reply.header('content-type', answer.contentType);
  }
  setAll(reply, answer.headers);
  if (answer.rendered.headers !== undefined) setAll(reply, answer.rendered.headers);
  reply.send(payload);
  return true;
}

/** Express's response is Node's: its `send()` adds an ETag and sniffing no error body needs. */
function writeToNode(response: NodeResponseLike, answer: ErrorAnswer): boolean {
  if (response.headersSent) {
    if (!response.writableEnded) response.end();
    return false;
  }
  const payload = JSON.stringify(answer.rendered.body);
  response.statusCode = answer.rendered.status;
  response.setHeader('Content-Type', answer.contentType);
  for (const name in answer.headers) response.setHeader(name, answer.headers[name]);
  const own = answer.rendered.headers;
  if (own !== undefined) for (const name in own) response.setHeader(name, own[name]);
  response.end(payload);
  return true;
}

function writeThroughAdapter(
  adapter: HttpAdapterLike,
  response: unknown,
  answer: ErrorAnswer,
): boolean {
  if (adapter.isHeadersSent(response)) {
    adapter.end(response);
    return false;
  }
  const payload = JSON.stringify(answer.rendered.body);
  adapter.setHeader(response, 'Content-Type', answer.contentType);
  for (const name in answer.headers) adapter.setHeader(response, name, answer.headers[name]);
  const own = answer.rendered.headers;
  if (own !== undefined) for (const name in own) adapter.setHeader(response, name, own[name]);
  adapter.reply(response, payload, answer.rendered.status);
  return true;
}

function setAll(reply: FastifyReplyLike, headers: Readonly<Record<string, string>>): void {
  for (const name in headers) reply.header(name, headers[name]);
}

function isFastifyReply(response: unknown): response is FastifyReplyLike {
  const reply = response as Partial<FastifyReplyLike> | null;
  return (
    typeof reply?.code === 'function' &&
    typeof reply.send === 'function' &&
    typeof reply.raw === 'object' &&
    reply.raw !== null
  );
}

function isNodeResponse(response: unknown): response is NodeResponseLike {
  const res = response as Partial<NodeResponseLike> | null;
  return (
    typeof res?.setHeader === 'function' && typeof res.end === 'function' && 'statusCode' in res
  );
}
