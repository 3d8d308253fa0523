import { ErrorReasons } from '../report/error-reasons.js';
import type { ErrorMapper } from './error-mapper.type.js';
import { isHttpExceptionLike } from './http-exception-like.util.js';
import type { StatusMapper } from './status-map.js';

/** What is wrong with a request the server could not read, said without quoting it. */
export interface ParsingProblem {
  readonly reason: string;
  readonly sentence: string;
}

const NOT_JSON = { reason: ErrorReasons.BODY_NOT_JSON, sentence: 'Request body is not valid JSON' };
const TOO_LARGE = {
  reason: ErrorReasons.BODY_TOO_LARGE,
  sentence: 'Request body is larger than the server accepts',
};
const LENGTH_MISMATCH = {
  reason: ErrorReasons.BODY_INCOMPLETE,
  sentence: 'Request body length does not match its Content-Length header',
};
const BAD_URL = {
  reason: ErrorReasons.URL_MALFORMED,
  sentence: 'Request URL has malformed percent-encoding',
};
const unsupported = (sentence: string) => ({ reason: ErrorReasons.BODY_UNSUPPORTED, sentence });
const NOT_DECOMPRESSED = {
  reason: ErrorReasons.BODY_NOT_DECOMPRESSED,
  sentence: 'Request body could not be decompressed',
};

/**
 * Errors of Node's zlib streams, which Express's body parser passes on as they
 * are (`incorrect header check`) when a gzip, deflate, brotli or zstd body is
 * not what its Content-Encoding says: zlib's `Z_*`, brotli's `ERR__ERROR_*`
 * and zstd's `ZSTD_*` codes, always with a numeric `errno`.
 */
const DECOMPRESSION_CODE = /^(?:Z_|ERR__ERROR_|ZSTD_)/;

/**
 * Requests the server could not read, keyed by the body-parser `type`
 * (Express) or the Fastify error `code`. The parsers' own messages quote
 * pieces of the body or URL; these sentences say what is wrong without
 * echoing it.
 */
const PARSING_PROBLEMS: ReadonlyMap<string, ParsingProblem> = new Map<string, ParsingProblem>([
  ['entity.parse.failed', NOT_JSON],
  ['FST_ERR_CTP_INVALID_JSON_BODY', NOT_JSON],
  [
    'FST_ERR_CTP_EMPTY_JSON_BODY',
    {
      reason: ErrorReasons.BODY_EMPTY,
      sentence: 'Request body is empty but its Content-Type is JSON',
    },
  ],
  ['entity.too.large', TOO_LARGE],
  ['FST_ERR_CTP_BODY_TOO_LARGE', TOO_LARGE],
  [
    'parameters.too.many',
    {
      reason: ErrorReasons.BODY_TOO_LARGE,
      sentence: 'Request body has more parameters than the server accepts',
    },
  ],
  ['request.size.invalid', LENGTH_MISMATCH],
  ['FST_ERR_CTP_INVALID_CONTENT_LENGTH', LENGTH_MISMATCH],
  ['encoding.unsupported', unsupported('Request body has an unsupported Content-Encoding')],
  ['charset.unsupported', unsupported('Request body has an unsupported charset')],
  ['FST_ERR_CTP_INVALID_MEDIA_TYPE', unsupported('Request body has an unsupported Content-Type')],
  ['FST_ERR_CTP_EMPTY_TYPE', unsupported('Request body has an empty Content-Type')],
  ['FST_ERR_CTP_INVALID_TYPE', unsupported('Request body has an invalid Content-Type')],
  [
    'request.aborted',
    { reason: ErrorReasons.BODY_INCOMPLETE, sentence: 'Request body was not received completely' },
  ],
  ['FST_ERR_BAD_URL', BAD_URL],
  [
    'FST_ERR_MAX_PARAM_LENGTH',
    {
      reason: ErrorReasons.URL_MALFORMED,
      sentence: 'A path parameter is longer than the server accepts',
    },
  ],
]);

/** Node's own HTTP parser (`clientError`): the codes that are not a bare "bad request". */
const NODE_PARSER_PROBLEMS: ReadonlyMap<string, ParsingProblem & { status: number }> = new Map([
  [
    'HPE_HEADER_OVERFLOW',
    {
      status: 431,
      reason: ErrorReasons.HEADERS_TOO_LARGE,
      sentence: 'Request headers are larger than the server accepts',
    },
  ],
  [
    'ERR_HTTP_REQUEST_TIMEOUT',
    {
      status: 408,
      reason: ErrorReasons.REQUEST_TIMEOUT,
      sentence: 'Request did not arrive in time',
    },
  ],
  [
    // Node answers 413 for it, too.
    'HPE_CHUNK_EXTENSIONS_OVERFLOW',
    {
      status: 413,
      reason: ErrorReasons.BODY_TOO_LARGE,
      sentence: 'Request body has chunk extensions larger than the server accepts',
    },
  ],
]);

/** The status of a request Node's parser refused, by its error code; any other is a 400. */
export function statusOfRefusedRequest(code: string | undefined): number {
  return (code === undefined ? undefined : NODE_PARSER_PROBLEMS.get(code)?.status) ?? 400;
}

const NOT_HTTP = { reason: ErrorReasons.REQUEST_MALFORMED, sentence: 'Request is not valid HTTP' };

/**
 * Errors raised while reading the request, before any handler runs. They
 * reach the filter as an `HttpException` whose `cause` is the parser's error,
 * on every Nest version (see `parser-error-handoff.ts`); the filter wraps the
 * requests Node's HTTP parser refuses the same way.
 */
export function createRequestParsingMapper(definitionFor: StatusMapper): ErrorMapper {
  return (exception) => {
    if (!isHttpExceptionLike(exception)) return undefined;
    const problem = parsingProblemOf(exception.cause);
    if (problem === undefined) return undefined;
    return {
      definition: definitionFor(exception.getStatus()),
      description: problem.sentence,
      reason: problem.reason,
    };
  };
}

/**
 * The problem behind a parser's error (body-parser, Fastify, Node's HTTP
 * parser, zlib), or `undefined` for any other value.
 */
export function parsingProblemOf(cause: unknown): ParsingProblem | undefined {
  if (typeof cause !== 'object' || cause === null) return undefined;
  const { type, code, errno } = cause as { type?: unknown; code?: unknown; errno?: unknown };
  const key = typeof type === 'string' ? type : typeof code === 'string' ? code : undefined;
  if (key !== undefined) {
    const known = PARSING_PROBLEMS.get(key) ?? NODE_PARSER_PROBLEMS.get(key);
    if (known !== undefined) return known;
    if (typeof errno === 'number' && DECOMPRESSION_CODE.test(key)) return NOT_DECOMPRESSED;
    if (key.startsWith('HPE_')) return NOT_HTTP;
  }
  // Express rejects a path it cannot decode with a bare URIError.
  return cause instanceof URIError ? BAD_URL : undefined;
}
