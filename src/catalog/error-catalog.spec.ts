import {
  defineError,
  ERR_INVALID_PARAMETER,
  ERR_USER_NOT_EXISTS,
  ERROR_CATALOG,
  OK,
} from '../index.js';

describe('the catalog', () => {
  it('lists error entries only, with unique codes', () => {
    for (const entry of ERROR_CATALOG) {
      expect(entry.status).toBeGreaterThanOrEqual(400);
      expect(entry.status).toBeLessThanOrEqual(599);
    }
    const codes = ERROR_CATALOG.map((entry) => entry.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(ERROR_CATALOG).not.toContain(OK);
  });

  it('cannot be written to: no request can change an entry another request reads', () => {
    expect(() => {
      (ERR_INVALID_PARAMETER as unknown as Record<string, unknown>).description = 'leak';
    }).toThrow(TypeError);
    expect(ERR_INVALID_PARAMETER).not.toHaveProperty('description');
    expect(() => (ERROR_CATALOG as unknown as unknown[]).push(OK)).toThrow(TypeError);
  });
});

describe('defineError', () => {
  it('returns a frozen copy, not the object it was given', () => {
    const input = { status: 409, code: 9101, title: 'Out Of Stock' };
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

  it('gives back the first entry when the same one is defined again', () => {
    const first = defineError({ status: 409, code: 9102, title: 'Taken' });
    expect(defineError({ status: 409, code: 9102, title: 'Taken' })).toBe(first);
  });

  it('refuses a code another entry has, naming both', () => {
    expect(() => defineError({ status: 409, code: 21, title: 'Out Of Stock' })).toThrow(
      /code 21 is already "User Not Exists" \(status 404, code 21\); "Out Of Stock" \(status 409, code 21\)/,
    );
    defineError({ status: 409, code: 9103, title: 'Out Of Stock' });
    expect(() => defineError({ status: 409, code: 9103, title: 'Sold Out' })).toThrow(/9103/);
    // Same code and title, another status: still another entry.
    expect(() => defineError({ ...ERR_USER_NOT_EXISTS, status: 410 })).toThrow(/code 21/);
  });

  it('keeps literal codes and statuses in the type', () => {
    const entry = defineError({ status: 409, code: 9104, title: 'Typed' });
    const code: 9104 = entry.code;
    const status: 409 = entry.status;
    expect([code, status]).toStrictEqual([9104, 409]);
  });

  it.each([
    [{ status: 200, code: 9105, title: 'x' }, /error status \(400-599\), got 200/],
    [{ status: 399, code: 9105, title: 'x' }, /status/],
    [{ status: 600, code: 9105, title: 'x' }, /status/],
    [{ status: 400.5, code: 9105, title: 'x' }, /status/],
    [{ status: 400, code: Number.NaN, title: 'x' }, /code/],
    [{ status: 400, code: '', title: 'x' }, /code/],
    [{ status: 400, code: 9105, title: ' ' }, /title/],
    [null, /status/],
  ])('rejects %j', (input, message) => {
    expect(() => defineError(input as never)).toThrow(message);
  });
});
