/** Longest path ever echoed back or logged, so a huge URL never makes a huge answer. */
const MAX_ECHOED_PATH_LENGTH = 200;
/** Longest method echoed; a method handed to `NotSupportedError` may come from anywhere. */
const MAX_ECHOED_METHOD_LENGTH = 20;

/**
 * The path of a request URL as it may be shown: without the query string,
 * which may hold tokens, and cut to a bounded length.
 */
export function echoablePath(url: string): string {
  const queryStart = url.indexOf('?');
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  return path.length > MAX_ECHOED_PATH_LENGTH ? `${path.slice(0, MAX_ECHOED_PATH_LENGTH)}…` : path;
}

/** A request method as it may be shown, cut to a bounded length. */
export function echoableMethod(method: string): string {
  return method.length > MAX_ECHOED_METHOD_LENGTH
    ? `${method.slice(0, MAX_ECHOED_METHOD_LENGTH)}…`
    : method;
}
