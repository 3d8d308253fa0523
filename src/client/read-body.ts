/**
 * Headers as `fetch` has them (with `get(name)`), or as a plain object (axios,
 * Node, supertest), whose names are matched whatever their case.
 *
 * @publicApi
 */
export type HeadersLike =
  | { get(name: string): string | null }
  | Readonly<Record<string, string | readonly string[] | number | undefined>>;

/**
 * A `fetch` Response, as far as the parser needs it: the platform's own, or a
 * polyfill's.
 *
 * @publicApi
 */
export interface FetchResponseLike {
  /** The HTTP status. */
  readonly status: number;
  /** The headers. */
  readonly headers: HeadersLike;
  /** The body as a stream, read up to the bound; without one, `text()` is read. */
  readonly body?: ReadableStream<Uint8Array> | null;
  /** The whole body as text, where there is no stream to read. */
  text(): Promise<string>;
}

/** One header's value, whatever kind of headers these are. */
export function headerOf(headers: HeadersLike | undefined, name: string): string | undefined {
  if (typeof headers !== 'object' || !headers) return undefined;
  if (typeof headers.get === 'function') {
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  }
  const wanted = name.toLowerCase();
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    const value = (headers as Record<string, unknown>)[key];
    const first: unknown = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' || typeof first === 'number' ? String(first) : undefined;
  }
  return undefined;
}

/**
 * The body's text, reading at most `maxBytes`: `undefined` when it is longer
 * (an error envelope never is); rejects when it cannot be read. A stream is read chunk by
 * chunk and cancelled at the limit; without one (React Native), a declared
 * `Content-Length` over the limit is not read at all.
 */
export async function readBoundedText(
  response: FetchResponseLike,
  maxBytes: number,
): Promise<string | undefined> {
  const declared = Number(headerOf(response.headers, 'content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    return undefined;
  }
  const stream = response.body;
  if (typeof stream?.getReader !== 'function') {
    const text = await response.text();
    return text.length > maxBytes ? undefined : text;
  }
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (let size = 0; ;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
}
