import { maskSecrets } from '../redact/mask-secrets.js';

const MAX_LENGTH = 1000;

/**
 * Turns query parameters into the one-line string shown as `params`, with
 * secrets masked and the length bounded.
 */
export function formatParams(params: unknown): string {
  const text =
    typeof params === 'object' && params !== null
      ? JSON.stringify(maskSecrets(params))
      : String(params);
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH)}…` : text;
}
