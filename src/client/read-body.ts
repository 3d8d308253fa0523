/** Headers as `fetch` has them, or as a plain object (axios, Node, supertest). */
export type HeadersLike =
  | { get(name: string): string | null }
  | Readonly<Record<string, string | readonly string[] | number | undefined>>;

/** A `fetch` Response, as far as the parser needs it. */
export interface FetchResponseLike {
  readonly status: number;
  readonly headers: HeadersLike;
  readonly body?: ReadableStream<Uint8Array> | null;
  text(): Promise<string>;
}

/** One header's value, whatever kind of headers these are. */
export function headerOf(headers: HeadersLike | undefined, name: string): string | undefined {
  if (headers === undefined || headers === null || typeof headers !== 'object') return undefined;
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
 * (an error envelope never is) or cannot be read. A stream is read chunk by
 * chunk and cancelled at the limit; without one (React Native), a declared
 * `Content-Length` over the limit is not read at all.
 */
export async function readBoundedText(
  response: FetchResponseLike,
  maxBytes: number,
): Promise<string | undefined> {
  const declared = Number(headerOf(response.headers, 'content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  const stream = response.body;
  if (stream === undefined || stream === null || typeof stream.getReader !== 'function') {
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
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
}
