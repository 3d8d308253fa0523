/**
 * Bounds of a copy: whatever was thrown or attached to an error, its copy
 * for a response or a log stays small and can always be turned into JSON.
 */
export interface CopyLimits {
  /** Objects and arrays nested deeper become `'[Object]'` / `'[Array]'`. */
  readonly depth: number;
  /** Members kept per object or items per array; the rest are dropped. */
  readonly width: number;
  /** Strings longer than this are cut, with `…` at the end. */
  readonly stringLength: number;
  /** Objects and arrays copied in all; past it, the rest become placeholders. */
  readonly nodes: number;
  /** Mask the values of secret-looking keys (passwords, tokens, cookies). */
  readonly maskSecrets: boolean;
}

/** Keys whose values never leave the process, in responses or in logs. */
const SECRET_KEY =
  /pass(word|wd|phrase)?|secret|token|authorization|cookie|api[-_]?key|credential/i;

export const MASK = '[REDACTED]';

/**
 * A copy of a value that JSON can always hold, within the given bounds:
 * cycles become `'[Circular]'`, BigInts strings, values whose getters or
 * `toJSON` throw `'[Unreadable]'`, and functions and symbols are left out as
 * `JSON.stringify` would. A string, number, boolean or null is returned as it is
 * (strings cut to the bound), so the common case allocates nothing.
 */
export function jsonCopy(value: unknown, limits: CopyLimits): unknown {
  const budget = { nodes: limits.nodes };
  const seen = new Set<object>();
  const visit = (current: unknown, depth: number): unknown => {
    switch (typeof current) {
      case 'string':
        return current.length > limits.stringLength
          ? `${current.slice(0, limits.stringLength)}…`
          : current;
      case 'number':
      case 'boolean':
        return current;
      case 'bigint':
        return current.toString();
      case 'object':
        break;
      default:
        return undefined;
    }
    if (current === null) return null;
    if (seen.has(current)) return '[Circular]';
    const isArray = Array.isArray(current);
    if (depth >= limits.depth || budget.nodes <= 0) return isArray ? '[Array]' : '[Object]';
    budget.nodes--;
    seen.add(current);
    try {
      if (isArray) return copyArray(current as unknown[], depth);
      const json = (current as { toJSON?: unknown }).toJSON;
      if (typeof json === 'function') return visit(json.call(current), depth + 1);
      return copyObject(current as Record<string, unknown>, depth);
    } catch {
      return '[Unreadable]';
    } finally {
      seen.delete(current);
    }
  };
  const copyArray = (array: readonly unknown[], depth: number): unknown[] => {
    const length = Math.min(array.length, limits.width);
    const copy: unknown[] = new Array(length);
    for (let i = 0; i < length; i++) copy[i] = visit(array[i], depth + 1) ?? null;
    return copy;
  };
  const copyObject = (object: Record<string, unknown>, depth: number): Record<string, unknown> => {
    const copy: Record<string, unknown> = {};
    let kept = 0;
    for (const key in object) {
      if (!Object.hasOwn(object, key)) continue;
      if (kept++ >= limits.width) break;
      const name = key.length > limits.stringLength ? `${key.slice(0, limits.stringLength)}…` : key;
      if (limits.maskSecrets && SECRET_KEY.test(key)) copy[name] = MASK;
      else {
        const item = visit(object[key], depth + 1);
        if (item !== undefined) copy[name] = item;
      }
    }
    return copy;
  };
  try {
    return visit(value, 0);
  } catch {
    return '[Unreadable]';
  }
}
