import { ApiError, type ApiErrorCode, type ApiErrorFormat } from './api-error.js';
import { readEnvelope } from './read-envelope.js';
import {
  type FetchResponseLike,
  headerOf,
  type HeadersLike,
  readBoundedText,
} from './read-body.js';

/**
 * An answer that is not a `fetch` Response: axios' `error.response`
 * (`{ status, headers, data }`), supertest's or Node's
 * (`{ status, headers, body }`). The body may be parsed JSON or text.
 *
 * @publicApi
 */
export interface PlainResponse {
  /** The HTTP status. */
  readonly status: number;
  /** The headers, as an object or with a `get(name)` method. */
  readonly headers?: HeadersLike;
  /** The body: parsed JSON or its text (supertest, Node). */
  readonly body?: unknown;
  /** The body where axios keeps it; read when there is no `body`. */
  readonly data?: unknown;
}

/** Options of {@link parseApiError}. @publicApi */
export interface ParseApiErrorOptions<TCode extends ApiErrorCode = ApiErrorCode> {
  /** The envelope the API answers; by default it is told from the body and content type. */
  readonly format?: ApiErrorFormat;
  /**
   * The codes you handle (e.g. the catalog CLI's `ERROR_CODES.meta`): a code
   * outside them comes back as `undefined`, so `error.code` is what its type
   * says. By default every code is kept.
   */
  readonly codes?: readonly TCode[];
  /** Header carrying the request id. @default 'X-Request-Id' */
  readonly requestIdHeader?: string;
  /** Most bytes of body read; a longer body is not read (it is no envelope). @default 65536 */
  readonly maxBodyBytes?: number;
}

const DEFAULT_MAX_BODY_BYTES = 65_536;
/** Longest wait taken from an answer; a longer one is read as this. */
const MAX_RETRY_AFTER_MS = 86_400_000;
/** The ids the server itself accepts and makes. */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * Reads an error answer into an {@link ApiError}, from a `fetch` Response or
 * a `{ status, headers, body }` object, in any of the five envelopes. It never
 * throws: a body that is not an envelope (an HTML 502 page, nothing, invalid
 * JSON, too long) gives an `ApiError` with the status and no code.
 *
 * @example
 * const response = await fetch('/api/v2/cart/items', { method: 'POST', body });
 * if (!response.ok) throw await parseApiError(response);
 *
 * @publicApi
 */
export async function parseApiError<TCode extends ApiErrorCode = ApiErrorCode>(
  response: FetchResponseLike | PlainResponse,
  options: ParseApiErrorOptions<TCode> = {},
): Promise<ApiError<TCode>> {
  const status = Number.isInteger(response?.status) ? response.status : 0;
  // Async, so whatever it throws rejects: a body that cannot be read is no body.
  const body = await bodyOf(response, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES).catch(
    () => undefined,
  );
  const headers = response?.headers;
  const fields = readEnvelope(body, headerOf(headers, 'content-type'), options.format);
  const known = options.codes === undefined || options.codes.includes(fields?.code as TCode);
  return new ApiError<TCode>({
    ...fields,
    status,
    code: known ? (fields?.code as TCode | undefined) : undefined,
    requestId: requestIdOf(
      headerOf(headers, options.requestIdHeader ?? 'x-request-id') ?? fields?.requestId,
    ),
    retryAfterMs: retryAfterMsOf(fields?.retryAfter, headerOf(headers, 'retry-after')),
    body,
  });
}

async function bodyOf(response: FetchResponseLike | PlainResponse, maxBytes: number) {
  if (typeof (response as FetchResponseLike).text === 'function') {
    return parsed(await readBoundedText(response as FetchResponseLike, maxBytes));
  }
  const plain = response as PlainResponse;
  const body = plain.body ?? plain.data;
  return typeof body !== 'string' ? body : body.length > maxBytes ? undefined : parsed(body);
}

/** JSON when the text is JSON, else the text itself (or nothing for an empty body). */
function parsed(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function requestIdOf(value: unknown): string | undefined {
  return typeof value === 'string' && REQUEST_ID.test(value) ? value : undefined;
}

/** `retry_after` (exact seconds) first, else `Retry-After`: seconds or an HTTP date. */
function retryAfterMsOf(fromBody: unknown, header: string | undefined): number | undefined {
  // `test(undefined)` reads "undefined", which neither pattern matches.
  const ms =
    typeof fromBody === 'number' && fromBody >= 0
      ? fromBody * 1000
      : /^\s*\d+\s*$/.test(header as string)
        ? Number(header) * 1000
        : /^[A-Za-z]{3}, /.test(header as string)
          ? Math.max(0, Date.parse(header as string) - Date.now())
          : undefined;
  // NaN (an invalid date) and undefined are no wait.
  return (ms as number) >= 0 ? Math.min(ms as number, MAX_RETRY_AFTER_MS) : undefined;
}
