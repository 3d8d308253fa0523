/**
 * The messages `fetch` itself rejects with when a request got no answer
 * (refused, reset, offline, a DNS or CORS failure): Chromium, Node (undici),
 * React Native and whatwg-fetch, Firefox, Safari 16.
 */
const NO_ANSWER =
  /^(Failed to fetch|fetch failed|Network request failed|NetworkError when attempting to fetch resource\.|The Internet connection appears to be offline\.)$/;

/**
 * Whether `fetch` itself failed for want of an answer: a `TypeError` with one
 * of the messages the platforms give that failure, or Safari's
 * `Load failed`, which alone has no stack. Any other `TypeError` (a bug in the
 * code around the request, such as reading a member of `undefined`) is not
 * one, so it is never retried as one.
 *
 * @example
 * if (isNetworkFailure(error)) showOffline();
 *
 * @publicApi
 */
export function isNetworkFailure(error: unknown): error is TypeError {
  return (
    error instanceof TypeError &&
    (NO_ANSWER.test(error.message) || (error.message === 'Load failed' && !error.stack))
  );
}
