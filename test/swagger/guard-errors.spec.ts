import { ErrorReasons, UnauthorizedError } from 'nestjs-api-errors';
import {
  authGuardErrors,
  versionGuardErrors,
  versionOlderThanMinimum,
} from '../../src/swagger/guard-errors.js';

describe('versionOlderThanMinimum', () => {
  it.each([
    ['a.1.2-3', 'a.1.1-3'],
    ['1.0', '0.0'],
    ['2.0.10', '2.0.9'],
    ['0.0-2', '0.0-1'],
    ['I.3', 'i.2'],
  ])('%s -> %s', (minimum, older) => {
    expect(versionOlderThanMinimum(minimum)).toBe(older);
  });

  it('takes the first platform of a table, prefixing its key', () => {
    expect(versionOlderThanMinimum({ a: '1.0', i: 'i.2.0' })).toBe('a.0.0');
  });

  it('finds none below 0.0 or for a minimum it cannot read', () => {
    expect(versionOlderThanMinimum('0.0')).toBeUndefined();
    expect(versionOlderThanMinimum('latest')).toBeUndefined();
    expect(versionOlderThanMinimum({})).toBeUndefined();
  });
});

describe('the guards asked for their refusals', () => {
  it('gives each refusal of TwoFactorAuthGuard with its reason and sentence', () => {
    const errors = authGuardErrors({ resolveSession: () => null, supportTeam: 'Docs' });
    expect(
      errors.map(({ exception, variant }) => [
        variant?.name,
        (exception as UnauthorizedError).definition.code,
        (exception as UnauthorizedError).reason,
        (exception as UnauthorizedError).description,
      ]),
    ).toStrictEqual([
      [
        'token_missing',
        99,
        ErrorReasons.TOKEN_MISSING,
        'A bearer token is required: send the header "Authorization: Bearer <token>"',
      ],
      [
        'token_unknown',
        99,
        ErrorReasons.TOKEN_UNKNOWN,
        'Your session has expired. Kindly logout and login',
      ],
      [
        'session_expired',
        99,
        ErrorReasons.SESSION_EXPIRED,
        'Your session has expired. Kindly logout and login',
      ],
      [
        'two_factor_mismatch',
        99,
        ErrorReasons.TWO_FACTOR_MISMATCH,
        'Your session has expired. Kindly logout and login',
      ],
      [
        'account_blocked',
        99,
        ErrorReasons.ACCOUNT_BLOCKED,
        'Your Account has been blocked, Please contact Docs Team',
      ],
      [
        'session_check_timeout',
        503,
        ErrorReasons.SESSION_CHECK_TIMEOUT,
        'The session could not be checked in time',
      ],
    ]);
  });

  it('gives the 426 and the 400 of ClientVersionGuard, with the configured members', () => {
    const [outdated, unreadable] = versionGuardErrors({
      minVersion: 'a.2.0',
      serverVersion: 'a.2.0',
      updateUrl: 'https://example.com/app',
      header: 'X-App-Version',
    });
    expect(outdated.exception).toMatchObject({
      definition: { status: 426 },
      reason: ErrorReasons.VERSION_OUTDATED,
      description: 'Client version a.1.0 is no longer supported',
      extras: {
        client_version: 'a.1.0',
        min_version: 'a.2.0',
        server_version: 'a.2.0',
        update_url: 'https://example.com/app',
      },
    });
    expect(unreadable.exception).toMatchObject({
      definition: { status: 400, code: 88 },
      reason: ErrorReasons.INVALID_VERSION_FORMAT,
      description: 'X-App-Version must be a version such as a.1.0-1 (platform, numbers, build)',
    });
  });

  it('gives only the 400 when no version is older than the minimum', () => {
    const errors = versionGuardErrors({ minVersion: '0.0' });
    expect(errors.map(({ variant }) => variant?.name)).toStrictEqual(['invalid_version_format']);
  });
});
