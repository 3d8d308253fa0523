import { type CopyLimits, jsonCopy } from './json-copy.js';

/** How much of a value a log line or a database error's params may show. */
const FOR_LOGS: CopyLimits = {
  depth: 6,
  width: 50,
  stringLength: 500,
  nodes: 200,
  maskSecrets: true,
};

/**
 * A bounded copy of a value with the values of secret-looking keys masked,
 * for logs and `DatabaseError` params: cycles become `[Circular]`, BigInts
 * strings, and however deep or wide the value, the copy stays small.
 */
export function maskSecrets(value: unknown): unknown {
  return jsonCopy(value, FOR_LOGS);
}
