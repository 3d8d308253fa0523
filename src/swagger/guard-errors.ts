import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthOptions, AuthSession } from '../auth/auth-options.interface.js';
import { SESSION_CHECK_TIMED_OUT } from '../auth/auth-sentences.js';
import { TwoFactorAuthGuard } from '../auth/two-factor-auth.guard.js';
import { definitionForStatus } from '../catalog/status-definitions.js';
import { AppError } from '../exceptions/app.error.js';
import { ErrorReasons } from '../report/error-reasons.js';
import { parseClientVersion } from '../version/client-version.js';
import type { ClientVersionOptions } from '../version/client-version-options.interface.js';
import { ClientVersionGuard } from '../version/client-version.guard.js';
import type { DocumentedError } from './documented-error.interface.js';

/** A route with no metadata, so the guards treat the probe as a protected one. */
class GuardProbe {}
function probeHandler(): void {}

/** A request as the guards read it, and only that. */
function contextFor(request: object): ExecutionContext {
  return {
    getType: () => 'http',
    getClass: () => GuardProbe,
    getHandler: () => probeHandler,
    getArgs: () => [request],
    // The guards read the request by index, as Nest's HTTP context holds it.
    getArgByIndex: (index: number) => (index === 0 ? request : undefined),
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

/** What a guard throws for a request, or `undefined` when it lets it through. */
function refusalOf(guard: CanActivate, request: object): unknown {
  try {
    // Synchronous here: the session resolver the probe gives the guard answers at once.
    void guard.canActivate(contextFor(request));
    return undefined;
  } catch (refusal) {
    return refusal;
  }
}

const PROBE_TOKEN = 'probe-token';
const bearer = (token: string) => ({ rawHeaders: ['Authorization', `Bearer ${token}`] });
const session = (fields: Partial<AuthSession>): AuthSession => ({
  user: {},
  twoFactorEnabled: false,
  ...fields,
});

/** The guard's refusals, each with the request and session that cause it. */
const AUTH_CASES: readonly {
  readonly name: string;
  readonly label: string;
  readonly request: object;
  readonly session: AuthSession | null;
}[] = [
  { name: ErrorReasons.TOKEN_MISSING, label: 'no bearer token', request: {}, session: null },
  {
    name: ErrorReasons.TOKEN_UNKNOWN,
    label: 'a token of no session',
    request: bearer(PROBE_TOKEN),
    session: null,
  },
  {
    name: ErrorReasons.SESSION_EXPIRED,
    label: 'an expired session',
    request: bearer(PROBE_TOKEN),
    session: session({ expired: true }),
  },
  {
    name: ErrorReasons.TWO_FACTOR_MISMATCH,
    label: 'a token whose 2f. prefix does not match the account',
    request: bearer(PROBE_TOKEN),
    session: session({ twoFactorEnabled: true }),
  },
  {
    name: ErrorReasons.ACCOUNT_BLOCKED,
    label: 'a blocked account',
    request: bearer(PROBE_TOKEN),
    session: session({ blocked: true }),
  },
];

/**
 * The errors of `TwoFactorAuthGuard`, taken from the guard itself: it is
 * built with the app's `auth` options and asked about each kind of request,
 * with `resolveSession` answering the session that makes it refuse.
 */
export function authGuardErrors(auth: AuthOptions): DocumentedError[] {
  const errors: DocumentedError[] = [];
  for (const refused of AUTH_CASES) {
    const guard = new TwoFactorAuthGuard(new Reflector(), {
      ...auth,
      resolveSession: () => refused.session,
    });
    const exception = refusalOf(guard, refused.request);
    if (exception !== undefined) {
      errors.push({ exception, variant: { name: refused.name, label: refused.label } });
    }
  }
  // Raised from a timer when the session store is slow, which a document built
  // at once cannot wait for; a test compares it with the guard's real answer.
  errors.push({
    exception: new AppError(definitionForStatus(503), SESSION_CHECK_TIMED_OUT, {
      reason: ErrorReasons.SESSION_CHECK_TIMEOUT,
    }),
    variant: {
      name: ErrorReasons.SESSION_CHECK_TIMEOUT,
      label: 'the session store did not answer in time',
    },
  });
  return errors;
}

/** A version the configured minimum refuses, such as `a.0.9` for `a.1.0`; none when nothing is older. */
export function versionOlderThanMinimum(
  minVersion: ClientVersionOptions['minVersion'],
): string | undefined {
  const [platform, text] =
    typeof minVersion === 'string' ? ['', minVersion] : (Object.entries(minVersion)[0] ?? []);
  const minimum = text === undefined ? undefined : parseClientVersion(text);
  if (minimum === undefined) return undefined;
  const numbers = [...minimum.numbers];
  let build = minimum.build;
  const last = numbers.findLastIndex((number) => number > 0);
  if (last !== -1) numbers[last] -= 1;
  else if (build > 0) build -= 1;
  else return undefined;
  const prefix = platform || minimum.platform;
  return `${prefix === '' ? '' : `${prefix}.`}${numbers.join('.')}${build > 0 ? `-${build}` : ''}`;
}

/** What `ClientVersionGuard` answers for a version that cannot be read. */
const UNREADABLE_VERSION = 'latest';

/**
 * The errors of `ClientVersionGuard`, taken from the guard built with the
 * app's `clientVersion` options: a version older than the minimum (426) and
 * one it cannot read (400).
 */
export function versionGuardErrors(clientVersion: ClientVersionOptions): DocumentedError[] {
  const guard = new ClientVersionGuard(clientVersion);
  const header = (clientVersion.header ?? 'X-Client-Version').toLowerCase();
  const ask = (version: string) => refusalOf(guard, { headers: { [header]: version } });
  const errors: DocumentedError[] = [];
  const older = versionOlderThanMinimum(clientVersion.minVersion);
  const outdated = older === undefined ? undefined : ask(older);
  if (outdated !== undefined) {
    errors.push({
      exception: outdated,
      variant: { name: ErrorReasons.VERSION_OUTDATED, label: 'a client older than the minimum' },
    });
  }
  const unreadable = ask(UNREADABLE_VERSION);
  if (unreadable !== undefined) {
    errors.push({
      exception: unreadable,
      variant: {
        name: ErrorReasons.INVALID_VERSION_FORMAT,
        label: 'a version that cannot be read',
      },
    });
  }
  return errors;
}
