import type { RenderedError } from '../formats/error-format.interface.js';

/** The calls on Nest's HTTP adapter the writer needs; both adapters have them. */
export interface HttpAdapterLike {
  isHeadersSent(response: unknown): boolean;
  setHeader(response: unknown, name: string, value: string): unknown;
  reply(response: unknown, body: unknown, status?: number): unknown;
  end(response: unknown, message?: string): unknown;
}

/**
 * The send step, and the only code that writes to a response Nest created.
 * Everything goes through Nest's HTTP adapter, so Express and Fastify share
 * it. The body is serialised here, once and before anything is written, so a
 * body that cannot be (a BigInt) throws while the response is still
 * untouched, and both adapters send the same bytes.
 *
 * @returns `false` when the response had already started (a stream, a
 * handler using `@Res()`): nothing is written then, the response is only
 * ended, as Nest's own filter does.
 */
export function writeError(
  adapter: HttpAdapterLike,
  response: unknown,
  rendered: RenderedError,
  headers: Readonly<Record<string, string>>,
): boolean {
  if (adapter.isHeadersSent(response)) {
    if (!isEnded(response)) adapter.end(response);
    return false;
  }
  const payload = JSON.stringify(rendered.body);
  for (const name in headers) adapter.setHeader(response, name, headers[name]);
  if (rendered.headers !== undefined) {
    for (const name in rendered.headers) adapter.setHeader(response, name, rendered.headers[name]);
  }
  adapter.reply(response, payload, rendered.status);
  return true;
}

/** Express passes the Node response, Fastify a reply wrapping it as `raw`. */
function isEnded(response: unknown): boolean {
  const raw = (response as { raw?: { writableEnded?: boolean } }).raw ?? response;
  return (raw as { writableEnded?: boolean }).writableEnded === true;
}
