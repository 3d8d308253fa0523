import type { PresentedToken } from 'nestjs-api-errors';

/** Longest Authorization header read; the sample's tokens are 35 characters at most. */
const MAX_LENGTH = 4096;
/** `Bearer <token>` with an RFC 6750 token: no spaces, controls or non-ASCII. */
const BEARER = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/i;
const TWO_FACTOR_PREFIX = '2f.';

/**
 * The token of an Authorization header, read as the library's guard reads
 * it, for the one route the guard does not check: logout.
 */
export function bearerToken(header: string | undefined): PresentedToken | undefined {
  if (header === undefined || header.length > MAX_LENGTH) return undefined;
  const token = BEARER.exec(header)?.[1];
  if (token === undefined) return undefined;
  if (!token.startsWith(TWO_FACTOR_PREFIX)) return { value: token, twoFactor: false };
  const value = token.slice(TWO_FACTOR_PREFIX.length);
  return value === '' ? undefined : { value, twoFactor: true };
}
