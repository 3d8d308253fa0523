import { ERROR_CATALOG, type ErrorFormatName } from 'nestjs-api-errors';

const CATALOG_CODES = new Set<unknown>(ERROR_CATALOG.map((entry) => entry.code));
const isErrorStatus = (value: unknown) =>
  Number.isInteger(value) && (value as number) >= 400 && (value as number) <= 599;
const isString = (value: unknown) => typeof value === 'string';

/** Members version errors add next to the code and message. */
const VERSION_MEMBERS = ['client_version', 'min_version', 'server_version', 'update_url'];

function onlyKeys(value: object, allowed: readonly string[]): boolean {
  return Object.keys(value).every((key) => allowed.includes(key));
}

/**
 * Whether a body is a well-formed error envelope of a format, with a code
 * from that format's contract; returns what is wrong, or `undefined`.
 */
export function envelopeProblem(
  format: ErrorFormatName,
  status: number,
  body: any,
): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return 'body is not an object';
  switch (format) {
    case 'meta': {
      const meta = body.meta;
      if (!onlyKeys(body, ['meta']) || typeof meta !== 'object') return 'not {"meta":{...}}';
      if (!(CATALOG_CODES.has(meta.code) || isErrorStatus(meta.code))) return `code ${meta.code}`;
      if (!isString(meta.message)) return 'message';
      if ('description' in meta && (meta.description === null || meta.description === undefined))
        return 'null description';
      return onlyKeys(meta, ['code', 'message', 'description', ...VERSION_MEMBERS])
        ? undefined
        : 'extra members';
    }
    case 'error': {
      const error = body.error;
      if (!onlyKeys(body, ['error']) || typeof error !== 'object') return 'not {"error":{...}}';
      const codeOk =
        isErrorStatus(error.code) ||
        ['VERSION_OUTDATED', 'INVALID_VERSION_FORMAT'].includes(error.code);
      if (!codeOk) return `code ${error.code}`;
      if (!isString(error.message)) return 'message';
      return onlyKeys(error, ['code', 'message', 'details', 'retry_after', ...VERSION_MEMBERS])
        ? undefined
        : 'extra members';
    }
    case 'flat':
      if (!isString(body.code) || !/^[A-Z][A-Z0-9_]*$/.test(body.code)) return `code ${body.code}`;
      if (!isString(body.message)) return 'message';
      return onlyKeys(body, ['code', 'message', 'details', 'request_id'])
        ? undefined
        : 'extra members';
    case 'error_code':
      if (!Number.isInteger(body.error_code) || body.error_code < 0 || body.error_code > 12)
        return `code ${body.error_code}`;
      if (!isString(body.error_message)) return 'message';
      if (!('details' in body) || body.details === undefined) return 'details missing';
      return onlyKeys(body, ['error_code', 'error_message', 'details'])
        ? undefined
        : 'extra members';
    case 'problem':
      if (!isString(body.type) || !isString(body.title) || !isString(body.instance))
        return 'type/title/instance';
      if (body.status !== status) return `status member ${body.status} for ${status}`;
      if (!(CATALOG_CODES.has(body.code) || isErrorStatus(body.code))) return `code ${body.code}`;
      return undefined;
  }
}

/** The Content-Type each format answers with. */
export const CONTENT_TYPES: Record<ErrorFormatName, string> = {
  meta: 'application/json; charset=utf-8',
  error: 'application/json; charset=utf-8',
  flat: 'application/json; charset=utf-8',
  error_code: 'application/json; charset=utf-8',
  problem: 'application/problem+json; charset=utf-8',
};

/** Things no response may ever contain: stack frames, source paths, internals. */
export const LEAKS: readonly RegExp[] = [
  /\bat [\w.<>]+ \(/,
  /\n\s+at /,
  /\/(srv|work|home|usr|tmp)\/[\w.-]+/,
  /\.(ts|js|mjs):\d+/,
  /password=|hunter2|node_modules/,
];
