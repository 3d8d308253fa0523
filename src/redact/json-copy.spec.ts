import { jsonCopy, type CopyLimits } from './json-copy.js';
import { maskSecrets } from './mask-secrets.js';

const LIMITS: CopyLimits = { depth: 4, width: 3, stringLength: 5, nodes: 10, maskSecrets: false };

describe('jsonCopy', () => {
  it('returns primitives as they are, strings cut', () => {
    expect(jsonCopy(42, LIMITS)).toBe(42);
    expect(jsonCopy(null, LIMITS)).toBeNull();
    expect(jsonCopy('short', LIMITS)).toBe('short');
    expect(jsonCopy('longer text', LIMITS)).toBe('longe…');
    expect(jsonCopy(10n, LIMITS)).toBe('10');
    expect(jsonCopy(undefined, LIMITS)).toBeUndefined();
  });

  it('marks cycles, keeps shared (non-cyclic) references', () => {
    const shared = { a: 1 };
    const value: Record<string, unknown> = { left: shared, right: shared };
    value.self = value;
    expect(jsonCopy(value, { ...LIMITS, width: 10 })).toStrictEqual({
      left: { a: 1 },
      right: { a: 1 },
      self: '[Circular]',
    });
  });

  it('bounds depth, width and the number of objects, without recursing past the depth', () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 100_000; i++) deep = deep.next = {};
    expect(JSON.stringify(jsonCopy(root, LIMITS))).toBe(
      '{"next":{"next":{"next":{"next":"[Object]"}}}}',
    );
    expect(jsonCopy([1, 2, 3, 4, 5], LIMITS)).toStrictEqual([1, 2, 3]);
    expect(jsonCopy({ a: 1, b: 2, c: 3, d: 4 }, LIMITS)).toStrictEqual({ a: 1, b: 2, c: 3 });
    const wide = Array.from({ length: 3 }, () => Array.from({ length: 3 }, () => [[1]]));
    expect(JSON.stringify(jsonCopy(wide, LIMITS))).toContain('[Array]');
  });

  it('drops functions and symbols as JSON would, and calls toJSON', () => {
    const value = { f: () => 1, s: Symbol('x'), when: new Date(0) };
    expect(jsonCopy(value, { ...LIMITS, stringLength: 100 })).toStrictEqual({
      when: '1970-01-01T00:00:00.000Z',
    });
  });

  it('turns values whose getters, traps or toJSON throw into a marker', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no');
        },
      },
    );
    const badJson = {
      toJSON: () => {
        throw new Error('no');
      },
    };
    expect(jsonCopy({ hostile, badJson }, { ...LIMITS, stringLength: 100 })).toStrictEqual({
      hostile: '[Unreadable]',
      badJson: '[Unreadable]',
    });
  });
});

describe('maskSecrets', () => {
  it('masks secret-looking keys at any depth it copies', () => {
    expect(
      maskSecrets({ user: { email: 'a@b.c', password: 'hunter2', api_key: 'k' }, Cookie: 'c=1' }),
    ).toStrictEqual({
      user: { email: 'a@b.c', password: '[REDACTED]', api_key: '[REDACTED]' },
      Cookie: '[REDACTED]',
    });
  });
});
