/** Keys whose values never leave the process, in responses or in logs. */
const SECRET_KEY =
  /pass(word|wd|phrase)?|secret|token|authorization|cookie|api[-_]?key|credential/i;

const MASK = '[REDACTED]';

/**
 * A copy of a value with the values of secret-looking keys masked, at any
 * depth; cycles become `[Circular]` and BigInts strings, so the result can
 * always be turned into JSON.
 */
export function maskSecrets(value: unknown): unknown {
  const seen = new WeakSet<object>();
  const visit = (current: unknown): unknown => {
    if (typeof current === 'bigint') return current.toString();
    if (typeof current !== 'object' || current === null) return current;
    if (seen.has(current)) return '[Circular]';
    seen.add(current);
    if (Array.isArray(current)) return current.map(visit);
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(current)) {
      copy[key] = SECRET_KEY.test(key) ? MASK : visit(item);
    }
    return copy;
  };
  return visit(value);
}
