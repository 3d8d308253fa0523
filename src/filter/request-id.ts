import { randomFillSync } from 'node:crypto';

/** Ids a client, a proxy or the app may choose: UUIDs, ULIDs, trace ids. Anything else is not used. */
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** W3C Trace Context `traceparent`: version, 32-hex trace id, 16-hex parent id, flags. */
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}(?:-.*)?$/;
const INVALID_TRACE_ID = '0'.repeat(32);

/** Finds the request id of a request, or makes one. */
export type RequestIdResolver = (request: unknown) => string;

export interface RequestIdSources {
  /** Lower-cased name of the header a sane id is taken from, when sent. */
  readonly header: string;
  /** The application's own lookup; replaces the header, the framework's id and `traceparent`. */
  readonly lookup?: (request: any) => string | undefined;
  /** Use the framework's own id (`request.id`): only when the app configured how it is made. */
  readonly frameworkId: boolean;
}

interface RequestLike {
  readonly id?: unknown;
  readonly headers?: Readonly<Record<string, string | string[] | undefined>>;
}

/**
 * The request id of an error, in this order: the application's `lookup`
 * when given; else the id header when the client or a proxy sent a sane one;
 * else the framework's id (Fastify's `request.id`) when the app configured
 * `genReqId` or `requestIdHeader` (Fastify's default counter restarts with
 * every process, so it is not used); else the trace id of a valid W3C
 * `traceparent`; else a new UUID. Never a client's text unchecked: it is
 * echoed in a header, a log line and the body.
 */
export function createRequestIdResolver(sources: RequestIdSources): RequestIdResolver {
  const { header, lookup, frameworkId } = sources;
  if (lookup !== undefined) {
    return (request) => {
      const found = lookup(request);
      return typeof found === 'string' && SANE_ID.test(found) ? found : newRequestId();
    };
  }
  return (request) => {
    const headers = (request as RequestLike).headers;
    const sent = headers?.[header];
    if (typeof sent === 'string' && SANE_ID.test(sent)) return sent;
    if (frameworkId) {
      const id = (request as RequestLike).id;
      if (typeof id === 'string' && SANE_ID.test(id)) return id;
    }
    const trace = traceIdOf(headers?.traceparent);
    return trace ?? newRequestId();
  };
}

/** The trace id of a valid `traceparent` header (not version `ff`, not all zeros). */
export function traceIdOf(traceparent: unknown): string | undefined {
  if (typeof traceparent !== 'string' || traceparent.length > 512) return undefined;
  const match = TRACEPARENT.exec(traceparent);
  if (match === null || match[1] === 'ff' || match[2] === INVALID_TRACE_ID) return undefined;
  // Version 00 is exactly 55 characters; later versions may append fields.
  if (match[1] === '00' && traceparent.length !== 55) return undefined;
  return match[2];
}

const IDS_PER_FILL = 256;
/** Random bytes for the next ids, refilled in batches (as `crypto.randomUUID()` does). */
const entropy = Buffer.alloc(16 * IDS_PER_FILL);
let nextId = IDS_PER_FILL;
const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');
/** Where each byte's two hex digits go in `xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`. */
const DIGIT_AT = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];
/** Scratch space for one id; written and read synchronously, never shared across a tick. */
const text = Buffer.alloc(36, '-', 'latin1');

/**
 * A random (version 4) UUID, from batched random bytes. Written as bytes and
 * read as one flat string: half the cost of `crypto.randomUUID()`, whose
 * string is joined from 20 pieces that the header and the log later flatten.
 */
export function newRequestId(): string {
  if (nextId === IDS_PER_FILL) {
    randomFillSync(entropy);
    nextId = 0;
  }
  const offset = 16 * nextId++;
  for (let i = 0; i < 16; i++) {
    let byte = entropy[offset + i];
    if (i === 6)
      byte = (byte & 0x0f) | 0x40; // version 4
    else if (i === 8) byte = (byte & 0x3f) | 0x80; // RFC 9562 variant
    text[DIGIT_AT[i]] = HEX_DIGITS[byte >> 4];
    text[DIGIT_AT[i] + 1] = HEX_DIGITS[byte & 0x0f];
  }
  return text.toString('latin1', 0, 36);
}

/**
 * Whether a Fastify instance makes request ids the app chose (a `genReqId`,
 * or a `requestIdHeader` to take them from) rather than its default
 * per-process counter (`req-1`, `req-2`, ...), which is not unique across
 * processes and restarts.
 */
export function frameworkMakesRequestIds(instance: unknown): boolean {
  const generator = (instance as { genReqId?: unknown }).genReqId;
  return typeof generator === 'function' && generator.name !== 'defaultGenReqId';
}
