import type { ErrorMapper } from './error-mapper.type.js';
import { isHttpExceptionLike } from './http-exception-like.util.js';
import type { StatusMapper } from './status-map.js';

/**
 * Fixed sentences for requests the server could not read, keyed by the
 * body-parser `type` (Express) or the Fastify error `code`. The parsers' own
 * messages quote pieces of the body or URL; these say what is wrong without
 * echoing it.
 */
const PARSING_ERROR_SENTENCES: ReadonlyMap<string, string> = new Map([
  ['entity.parse.failed', 'Request body is not valid JSON'],
  ['FST_ERR_CTP_INVALID_JSON_BODY', 'Request body is not valid JSON'],
  ['FST_ERR_CTP_EMPTY_JSON_BODY', 'Request body is empty but its Content-Type is JSON'],
  ['entity.too.large', 'Request body is larger than the server accepts'],
  ['FST_ERR_CTP_BODY_TOO_LARGE', 'Request body is larger than the server accepts'],
  ['parameters.too.many', 'Request body has more parameters than the server accepts'],
  ['request.size.invalid', 'Request body length does not match its Content-Length header'],
  [
    'FST_ERR_CTP_INVALID_CONTENT_LENGTH',
    'Request body length does not match its Content-Length header',
  ],
  ['encoding.unsupported', 'Request body has an unsupported Content-Encoding'],
  ['charset.unsupported', 'Request body has an unsupported charset'],
  ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 'Request body has an unsupported Content-Type'],
  ['FST_ERR_CTP_EMPTY_TYPE', 'Request body has an empty Content-Type'],
  ['FST_ERR_CTP_INVALID_TYPE', 'Request body has an invalid Content-Type'],
  ['request.aborted', 'Request body was not received completely'],
  ['FST_ERR_BAD_URL', 'Request URL has malformed percent-encoding'],
  ['FST_ERR_MAX_PARAM_LENGTH', 'A path parameter is longer than the server accepts'],
]);

/**
 * Errors raised while reading the request, before any handler runs. Nest
 * wraps them in an `HttpException` whose `cause` is the parser's error.
 */
export function createRequestParsingMapper(definitionFor: StatusMapper): ErrorMapper {
  return (exception) => {
    if (!isHttpExceptionLike(exception)) return undefined;
    const sentence = sentenceFor(exception.cause);
    if (sentence === undefined) return undefined;
    return { definition: definitionFor(exception.getStatus()), description: sentence };
  };
}

function sentenceFor(cause: unknown): string | undefined {
  if (typeof cause !== 'object' || cause === null) return undefined;
  const { type, code } = cause as { type?: unknown; code?: unknown };
  const key = typeof type === 'string' ? type : typeof code === 'string' ? code : undefined;
  const sentence = key === undefined ? undefined : PARSING_ERROR_SENTENCES.get(key);
  // Express rejects a path it cannot decode with a bare URIError.
  return (
    sentence ??
    (cause instanceof URIError ? PARSING_ERROR_SENTENCES.get('FST_ERR_BAD_URL') : undefined)
  );
}
