import {
  defineError,
  ERR_AUTH_REQUIRED,
  ERR_DATABASE_ROLLBACK,
  ERR_INVALID_PARAMETER,
  ERR_NOT_SUPPORTED,
  ERR_PASSWORD_NOT_MATCH,
  ERR_UNKNOWN,
  ERR_USER_NOT_EXISTS,
  ERROR_CATALOG,
  OK,
} from '../index.js';

describe('the catalog', () => {
  it('holds exactly the reference entries', () => {
    expect(ERROR_CATALOG.map((entry) => ({ ...entry }))).toStrictEqual([
      { status: 200, code: 200, title: 'OK' },
      { status: 404, code: 10, title: 'Not Supported' },
      { status: 404, code: 21, title: 'User Not Exists' },
      { status: 400, code: 22, title: 'Password Not Match' },
      { status: 500, code: 77, title: 'Database Rollback Error' },
      { status: 400, code: 88, title: 'Invalid Parameter' },
      { status: 401, code: 99, title: 'Authentication Required' },
      { status: 500, code: 500, title: 'Unknown Error' },
    ]);
    expect([
      OK,
      ERR_NOT_SUPPORTED,
      ERR_USER_NOT_EXISTS,
      ERR_PASSWORD_NOT_MATCH,
      ERR_DATABASE_ROLLBACK,
      ERR_INVALID_PARAMETER,
      ERR_AUTH_REQUIRED,
      ERR_UNKNOWN,
    ]).toStrictEqual([...ERROR_CATALOG]);
  });

  it('is frozen, entries and list alike', () => {
    expect(Object.isFrozen(ERROR_CATALOG)).toBe(true);
    for (const entry of ERROR_CATALOG) expect(Object.isFrozen(entry)).toBe(true);
  });

  it('cannot be written to, as the Python original was', () => {
    expect(() => {
      (ERR_INVALID_PARAMETER as unknown as Record<string, unknown>).description = 'leak';
    }).toThrow(TypeError);
    expect(ERR_INVALID_PARAMETER).not.toHaveProperty('description');
  });
});

describe('defineError', () => {
  it('returns a frozen copy, not the object it was given', () => {
    const input = { status: 409, code: 31, title: 'Out Of Stock' };
    const entry = defineError(input);
    expect(entry).toStrictEqual(input);
    expect(entry).not.toBe(input);
    expect(Object.isFrozen(entry)).toBe(true);
    expect(Object.isFrozen(input)).toBe(false);
  });

  it('accepts string codes', () => {
    expect(
      defineError({ status: 422, code: 'VALIDATION_ERROR', title: 'Validation failed' }).code,
    ).toBe('VALIDATION_ERROR');
  });

  it.each([
    [{ status: 99, code: 1, title: 'x' }, /status/],
    [{ status: 600, code: 1, title: 'x' }, /status/],
    [{ status: 400.5, code: 1, title: 'x' }, /status/],
    [{ status: 400, code: Number.NaN, title: 'x' }, /code/],
    [{ status: 400, code: '', title: 'x' }, /code/],
    [{ status: 400, code: 1, title: ' ' }, /title/],
    [null, /status/],
  ])('rejects %j', (input, message) => {
    expect(() => defineError(input as never)).toThrow(message);
  });
});
