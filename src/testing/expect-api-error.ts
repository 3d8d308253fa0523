import type { ErrorDefinition } from '../catalog/error-definition.interface.js';
import type { ApiError } from '../client/api-error.js';
import { parseApiError, type PlainResponse } from '../client/parse-api-error.js';
import { type FetchResponseLike, headerOf } from '../client/read-body.js';
import { readEnvelope } from '../client/read-envelope.js';
import { BUILT_IN_FORMATS, type ErrorFormatName } from '../formats/built-in-formats.js';
import type { ErrorDescription } from '../report/error-description.type.js';
import { ApiErrorAssertion } from './api-error-assertion.js';

/** Options of {@link expectApiError}. @publicApi */
export interface ExpectApiErrorOptions {
  /** The format the app answers in. @default 'meta' */
  readonly format?: ErrorFormatName;
  /**
   * The description the error was thrown with, checked where the format shows
   * it; `description: undefined` checks there is none. Left out, it is not checked.
   */
  readonly description?: ErrorDescription;
  /**
   * The cause, for errors a format answers by cause rather than by entry
   * (`ErrorReasons.TOKEN_MISSING` is `error_code` 6, `ErrorReasons.VALIDATION_FAILED`
   * is `flat`'s 422 `VALIDATION_ERROR`).
   */
  readonly reason?: string;
}

/** Top-level members each format may have; `problem` allows extensions. */
const MEMBERS: Partial<Record<ErrorFormatName, readonly string[]>> = {
  meta: ['meta'],
  error: ['error'],
  flat: ['code', 'message', 'details', 'request_id'],
  error_code: ['error_code', 'error_message', 'details'],
};

const EXCERPT_LENGTH = 500;

/**
 * Checks that a response is the error of a catalog entry, as the configured
 * format renders it: its status, its code, the envelope's shape and content
 * type, and the description when given. Works with supertest's responses and
 * `fetch` Responses, under any test runner; resolves to the parsed error for
 * further checks, and rejects with an `AssertionError` naming each difference.
 *
 * @example
 * const res = await request(app.getHttpServer()).post('/cart/items').send({ quantity: 5 });
 * await expectApiError(res, ERR_OUT_OF_STOCK, { description: 'Only 3 left of Green Tea' });
 *
 * @publicApi
 */
export async function expectApiError(
  response: FetchResponseLike | PlainResponse,
  entry: ErrorDefinition,
  options: ExpectApiErrorOptions = {},
): Promise<ApiError> {
  const formatName = options.format ?? 'meta';
  // Own members only: a plain-JS caller's 'toString' names no format.
  if (!Object.hasOwn(BUILT_IN_FORMATS, formatName)) {
    throw new TypeError(
      `expectApiError: format must be one of ${Object.keys(BUILT_IN_FORMATS).join(', ')}`,
    );
  }
  const format = BUILT_IN_FORMATS[formatName];
  const rendered = format.render(
    { definition: entry, description: options.description, reason: options.reason },
    { method: 'GET', url: '/' },
  );
  const wanted = readEnvelope(rendered.body, format.contentType, formatName)!;
  const actual = await parseApiError(response);

  const expected: Record<string, unknown> = {
    status: rendered.status,
    format: formatName,
    code: wanted.code,
  };
  const received: Record<string, unknown> = {
    status: actual.status,
    format: actual.format,
    code: actual.code,
  };
  if ('description' in options) {
    Object.assign(expected, { message: wanted.message, description: wanted.description });
    Object.assign(received, { message: actual.message, description: actual.description });
  }
  const differences = Object.keys(expected).filter(
    (key) => JSON.stringify(expected[key]) !== JSON.stringify(received[key]),
  );
  differences.push(...shapeProblems(actual, formatName, response));
  if (differences.length === 0) return actual;

  const name = `${entry.title} (${entry.status} / ${String(entry.code)})`;
  const lines = differences.map((key) =>
    key in expected
      ? `  ${key}: expected ${show(expected[key])}, received ${show(received[key])}`
      : `  ${key}`,
  );
  throw new ApiErrorAssertion(
    `expected the ${formatName} error ${name}\n${lines.join('\n')}\n  body: ${excerpt(actual.body)}`,
    received,
    expected,
  );
}

/** What is wrong with the envelope itself: unknown members, a content type of another kind. */
function shapeProblems(
  actual: ApiError,
  format: ErrorFormatName,
  response: FetchResponseLike | PlainResponse,
): string[] {
  const problems: string[] = [];
  const members = MEMBERS[format];
  const body = actual.body;
  if (members !== undefined && typeof body === 'object' && body !== null) {
    const extra = Object.keys(body).filter((key) => !members.includes(key));
    if (extra.length > 0)
      problems.push(`members the ${format} format has not: ${extra.join(', ')}`);
  }
  const contentType = headerOf(response.headers, 'content-type');
  const kind = format === 'problem' ? 'application/problem+json' : 'application/json';
  if (contentType !== undefined && !contentType.startsWith(kind)) {
    problems.push(`content type ${JSON.stringify(contentType)}, expected ${kind}`);
  }
  return problems;
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

function excerpt(body: unknown): string {
  const text = typeof body === 'string' ? body : (JSON.stringify(body) ?? 'nothing');
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text;
}
