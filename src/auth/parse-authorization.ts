import type { PresentedToken } from './auth-options.interface.js';

/** The prefix that marks a token issued after a completed two-factor login. */
const TWO_FACTOR_PREFIX = '2f.';

/** Longest Authorization header read; real bearer tokens are far shorter. */
const MAX_AUTHORIZATION_LENGTH = 4096;

/** `Bearer <token>` with one space and an RFC 6750 token: no spaces, controls or non-ASCII. */
const BEARER = /^Bearer [A-Za-z0-9\-._~+/]+=*$/i;
/** Where the token starts: after `Bearer `. */
const TOKEN_START = 7;

/**
 * Reads the bearer token from the request's raw header list, so a request
 * sending the header twice is refused instead of Node keeping the first one.
 * Returns `undefined` for anything but exactly one well-formed header.
 */
export function parseAuthorization(rawHeaders: readonly string[]): PresentedToken | undefined {
  let header: string | undefined;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i].length === 13 && rawHeaders[i].toLowerCase() === 'authorization') {
      if (header !== undefined) return undefined;
      header = rawHeaders[i + 1];
    }
  }
  if (header === undefined || header.length > MAX_AUTHORIZATION_LENGTH) return undefined;
  // Tested, then sliced: no match array to allocate on every request.
  if (!BEARER.test(header)) return undefined;
  const token = header.slice(TOKEN_START);
  if (!token.startsWith(TWO_FACTOR_PREFIX)) return { value: token, twoFactor: false };
  const value = token.slice(TWO_FACTOR_PREFIX.length);
  return value === '' ? undefined : { value, twoFactor: true };
}
