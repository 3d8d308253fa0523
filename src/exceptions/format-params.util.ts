/** Keys whose values never leave the process, in responses or in logs. */
const SECRET_KEY =
  /pass(word|wd|phrase)?|secret|token|authorization|cookie|api[-_]?key|credential/i;

const MASK = '[REDACTED]';
const MAX_LENGTH = 1000;

/**
 * Turns query parameters into the one-line string shown as `params`, with
 * secrets masked, cycles and BigInts handled, and the length bounded.
 */
export function formatParams(params: unknown): string {
  let text: string;
  if (typeof params === 'string') {
    text = params;
  } else if (typeof params !== 'object' || params === null) {
    text = String(params);
  } else {
    const seen = new WeakSet<object>();
    text =
      JSON.stringify(params, (key, value: unknown) => {
        if (key !== '' && SECRET_KEY.test(key)) return MASK;
        if (typeof value === 'bigint') return value.toString();
        if (typeof value === 'object' && value !== null) {
          if (seen.has(value)) return '[Circular]';
          seen.add(value);
        }
        return value;
      }) ?? 'undefined';
  }
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH)}…` : text;
}
