import { randomUUID } from 'node:crypto';

/** Ids a client or proxy may choose: UUIDs, ULIDs, trace ids. Anything else is replaced. */
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

interface RequestWithHeaders {
  readonly headers?: Readonly<Record<string, string | string[] | undefined>>;
}

/**
 * The request id of an error: the one the client (or a proxy) sent, when it
 * is sane, or a new UUID. Never the client's text unchecked, since it is
 * echoed in a header, a log line and the body.
 */
export function requestIdOf(request: unknown, headerName: string): string {
  const sent = (request as RequestWithHeaders).headers?.[headerName];
  return typeof sent === 'string' && SANE_ID.test(sent) ? sent : randomUUID();
}
