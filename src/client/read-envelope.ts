import type { ApiErrorCode, ApiErrorFormat, ApiViolation } from './api-error.js';

/** What an envelope says, read from its body. */
export interface EnvelopeFields {
  /** The envelope the body was read as. */
  readonly format: ApiErrorFormat;
  /** Its code, as the envelope carries it. */
  readonly code: ApiErrorCode;
  /** Its message (`title` in `problem`, `error_message` in `error_code`). */
  readonly message: string;
  /** Its description or details, as sent; absent when they name fields. */
  readonly description?: unknown;
  /** `flat`'s and `problem`'s `request_id`, unchecked. */
  readonly requestId?: unknown;
  /** `error`'s `retry_after`, in seconds. */
  readonly retryAfter?: unknown;
  /** Absent when the format names no fields. */
  readonly violations?: readonly ApiViolation[];
}

/** Most violations read from one body; the server sends at most 50. */
const MAX_VIOLATIONS = 100;

type Body = Record<string, unknown>;

const isObject = (value: unknown): value is Body =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string';
const isCode = (value: unknown): value is ApiErrorCode =>
  (typeof value === 'number' && Number.isFinite(value)) ||
  (isText(value) && value.length > 0 && value.length <= 128);

/**
 * Reads one of the built-in envelopes from a parsed JSON body: the one named,
 * or the one whose shape the body has (`application/problem+json` is a
 * problem). `undefined` when the body is none of them, so a code is never
 * made up from a body that is not ours.
 */
export function readEnvelope(
  body: unknown,
  contentType = '',
  format?: ApiErrorFormat,
): EnvelopeFields | undefined {
  if (!isObject(body)) return undefined;
  const named = format ?? (contentType.includes('problem+json') ? 'problem' : undefined);
  const names = named === undefined ? (Object.keys(READERS) as ApiErrorFormat[]) : [named];
  for (const name of names) {
    const fields = READERS[name](body);
    if (fields !== undefined) return { ...fields, format: name };
  }
  return undefined;
}

/** In the order shapes are tried, most specific first: a flat body is only `code` and `message`. */
const READERS: Record<ApiErrorFormat, (body: Body) => Omit<EnvelopeFields, 'format'> | undefined> =
  {
    meta({ meta }) {
      if (!isObject(meta) || !isCode(meta.code) || !isText(meta.message)) return undefined;
      return {
        code: meta.code,
        message: meta.message,
        description: meta.description,
      };
    },
    error({ error }) {
      if (!isObject(error) || !isCode(error.code) || !isText(error.message)) return undefined;
      return {
        code: error.code,
        message: error.message,
        description: error.details,
        retryAfter: error.retry_after,
      };
    },
    error_code(body) {
      const code = body.error_code;
      if (!Number.isInteger(code) || !isText(body.error_message)) return undefined;
      // Validation failures (3, 4, 5) name each field: `{ "quantity": "sentence" }`.
      const fields =
        (code as number) > 2 && (code as number) < 6 ? fieldsOf(body.details, false) : [];
      return {
        code: code as number,
        message: body.error_message,
        description: fields.length > 0 ? undefined : (body.details ?? undefined),
        violations: fields,
      };
    },
    problem(body) {
      if (!isText(body.title) || typeof body.status !== 'number' || !isCode(body.code)) {
        return undefined;
      }
      return {
        code: body.code,
        message: body.title,
        description: body.detail,
        requestId: body.request_id,
        violations: problemViolations(body.errors),
      };
    },
    flat(body) {
      if (!isCode(body.code) || !isText(body.code) || !isText(body.message)) return undefined;
      const fields = fieldsOf(body.details, true);
      return {
        code: body.code,
        message: body.message,
        description: fields.length > 0 ? undefined : body.details,
        requestId: body.request_id,
        violations: fields,
      };
    },
  };

/**
 * Per-field details: `{ "name": { code, message } }` (flat) or
 * `{ "name": "sentence" }` (error_code). Every member must have that shape, so
 * a database error's `{ details, params }` is not mistaken for fields.
 */
function fieldsOf(details: unknown, coded: boolean): ApiViolation[] {
  if (!isObject(details)) return [];
  const fields: ApiViolation[] = [];
  for (const path of Object.keys(details).slice(0, MAX_VIOLATIONS)) {
    const value = details[path];
    if (!coded && isText(value)) fields.push({ path, message: value });
    else if (coded && isObject(value) && isText(value.message) && isText(value.code)) {
      fields.push({ path, message: value.message, code: value.code });
    } else return [];
  }
  return fields;
}

/** RFC 9457 `errors`: `{ detail, pointer: "#/items/1/quantity" }` or `{ detail, parameter }`. */
function problemViolations(errors: unknown): ApiViolation[] {
  if (!Array.isArray(errors)) return [];
  const violations: ApiViolation[] = [];
  for (const item of errors.slice(0, MAX_VIOLATIONS) as unknown[]) {
    if (!isObject(item) || !isText(item.detail)) continue;
    const path = isText(item.parameter) ? item.parameter : pathOfPointer(item.pointer);
    if (path !== undefined) violations.push({ path, message: item.detail });
  }
  return violations;
}

/** `#/items/1/quantity` -> `items[1].quantity`, the server's own way of naming a field. */
function pathOfPointer(pointer: unknown): string | undefined {
  if (!isText(pointer) || !pointer.startsWith('#/')) return undefined;
  let path = '';
  for (const raw of pointer.slice(2).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    path += /^\d+$/.test(segment) ? `[${segment}]` : path === '' ? segment : `.${segment}`;
  }
  return path;
}
