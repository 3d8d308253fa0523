/**
 * Most levels of objects and arrays a validated value may have (the value
 * itself is the first). Validators and class-transformer walk a value by
 * calling themselves, so a body nested thousands deep would overflow the call
 * stack; real payloads stay far below this.
 */
export const MAX_NESTING_DEPTH = 64;

/** Values whose insides are not plain data: never walked, as Nest's pipes skip them. */
const BUILT_IN_TYPES: readonly (abstract new (...args: never[]) => unknown)[] = [
  Date,
  RegExp,
  Error,
  Map,
  Set,
  WeakMap,
  WeakSet,
];

/** Arrays longer than this are walked by their present items only (a sparse one may claim 2^32). */
const DENSE_ARRAY_WALK = 100_000;

/**
 * Objects the first walk visits before it gives up for the exact one: a value
 * parsed from a request is a tree, so it needs no record of what was seen;
 * one built in code may share objects, which makes the paths through it
 * many more than its objects.
 */
const UNTRACKED_VISITS = 50_000;

const enum Outcome {
  Within,
  TooDeep,
  GaveUp,
}

/**
 * Removes the keys that would reach a prototype (`__proto__`, `prototype`,
 * `constructor`) everywhere in `value`, in place, as Nest's validation pipes
 * do before validating, and tells whether `value` is at most `maxDepth`
 * levels deep. One walk does both, with its own stack rather than recursion,
 * so no depth of input can overflow it; it stops at the first level too many.
 *
 * A request's value is a tree, walked once without recording what was seen.
 * When that walk finds too many objects or levels, it is done again
 * recording each object, so that shared and circular references are visited
 * once and a cycle is not taken for depth.
 *
 * @returns `false` when the value is nested deeper than `maxDepth`.
 */
export function stripProtoKeysWithinDepth(value: unknown, maxDepth = MAX_NESTING_DEPTH): boolean {
  if (value === null || typeof value !== 'object') return true;
  return (
    walk(value, maxDepth, undefined) === Outcome.Within ||
    walk(value, maxDepth, new WeakSet()) === Outcome.Within
  );
}

function walk(root: object, maxDepth: number, visited: WeakSet<object> | undefined): Outcome {
  let visits = 0;
  // Pairs of (object, its depth), pushed and popped together.
  const stack: unknown[] = [root, 1];
  while (stack.length > 0) {
    const depth = stack.pop() as number;
    const current = stack.pop() as object;
    if (ArrayBuffer.isView(current)) continue;
    if (visited === undefined) {
      if (++visits > UNTRACKED_VISITS) return Outcome.GaveUp;
    } else if (visited.has(current)) {
      continue;
    } else {
      visited.add(current);
    }
    if (isBuiltIn(current)) continue;
    if (depth > maxDepth) return Outcome.TooDeep;
    const below = depth + 1;
    if (Array.isArray(current)) {
      const items: readonly unknown[] =
        current.length > DENSE_ARRAY_WALK ? Object.values(current) : current;
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        if (item !== null && typeof item === 'object') stack.push(item, below);
      }
      continue;
    }
    const record = current as ProtoKeys & Record<string, unknown>;
    if (Object.hasOwn(record, '__proto__')) delete record.__proto__;
    if (Object.hasOwn(record, 'prototype')) delete record.prototype;
    // An own `constructor` shadows the prototype's, whatever its value.
    if (
      Object.hasOwn(record, 'constructor') &&
      !BUILT_IN_TYPES.includes(record.constructor as (typeof BUILT_IN_TYPES)[number])
    ) {
      delete record.constructor;
    }
    for (const key in record) {
      const item = record[key];
      if (item !== null && typeof item === 'object') stack.push(item, below);
    }
  }
  return Outcome.Within;
}

interface ProtoKeys {
  __proto__?: unknown;
  prototype?: unknown;
  constructor?: unknown;
}

/** Plain objects and arrays (all a parser makes) are told apart without seven `instanceof`s. */
function isBuiltIn(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === Array.prototype || prototype === null) {
    return false;
  }
  return BUILT_IN_TYPES.some((type) => value instanceof type);
}
