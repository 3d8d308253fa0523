import { MAX_NESTING_DEPTH, stripProtoKeysWithinDepth } from './nesting-depth.js';

/** An object nested `depth` levels: the value itself is the first. */
function nested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = kind === 'array' ? [] : {};
  for (let level = 1; level < depth; level++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

describe('stripProtoKeysWithinDepth', () => {
  it.each(['array', 'object'] as const)('accepts %s values up to the limit', (kind) => {
    expect(stripProtoKeysWithinDepth(nested(MAX_NESTING_DEPTH, kind))).toBe(true);
    expect(stripProtoKeysWithinDepth(nested(MAX_NESTING_DEPTH + 1, kind))).toBe(false);
  });

  it('walks a million levels without overflowing the stack', () => {
    expect(stripProtoKeysWithinDepth(nested(1_000_000, 'array'))).toBe(false);
  });

  it('counts objects only: primitives at the last level are fine', () => {
    const value = nested(MAX_NESTING_DEPTH, 'object') as Record<string, unknown>;
    let leaf = value;
    while (typeof leaf.a === 'object') leaf = leaf.a as Record<string, unknown>;
    leaf.a = 1;
    expect(stripProtoKeysWithinDepth(value)).toBe(true);
  });

  it('accepts primitives, null and undefined', () => {
    for (const value of [undefined, null, 1, 'x', true]) {
      expect(stripProtoKeysWithinDepth(value)).toBe(true);
    }
  });

  it('removes prototype keys everywhere, as Nest does', () => {
    const value = JSON.parse(
      '{"__proto__":{"admin":true},"a":[{"constructor":{"prototype":{"x":1}}}],"prototype":1}',
    ) as Record<string, unknown>;
    expect(stripProtoKeysWithinDepth(value)).toBe(true);
    expect(value).toStrictEqual({ a: [{}] });
    expect(Object.hasOwn(value, '__proto__')).toBe(false);
  });

  it('visits shared and circular references once', () => {
    const shared: Record<string, unknown> = { x: 1 };
    let value: Record<string, unknown> = shared;
    // 60 levels of two references each to the same object: 2^60 paths, one walk.
    for (let level = 0; level < 60; level++) value = { left: value, right: value };
    expect(stripProtoKeysWithinDepth(value)).toBe(true);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(stripProtoKeysWithinDepth(cycle)).toBe(true);
  });

  it('does not walk into binary data, dates or maps', () => {
    expect(stripProtoKeysWithinDepth({ a: Buffer.alloc(10), b: new Date(), c: new Map() })).toBe(
      true,
    );
  });

  it('walks a sparse array by its items, not its length', () => {
    const sparse: unknown[] = [];
    sparse[2 ** 32 - 2] = { constructor: 1 };
    const started = Date.now();
    expect(stripProtoKeysWithinDepth(sparse)).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(sparse[2 ** 32 - 2]).toStrictEqual({});
  });
});
