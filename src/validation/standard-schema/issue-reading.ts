/**
 * How the issues of one schema are read, decided by the library that made the
 * schema (its `~standard.vendor`), never by what an issue looks like: another
 * library's issues may have a `code` like zod's, and its messages may repeat
 * the value that was sent (ArkType's `must be an email address (was "…")`).
 *
 * - `zod`, `valibot`: the libraries this package knows. Their rules get
 *   class-validator's sentences, and a message the schema's author wrote is kept.
 * - `messages`: a library the app listed in `schemaMessageVendors`: its
 *   messages are sent as they are, after the field's path.
 * - `opaque`: any other library: its messages are never sent; a failure is
 *   `<path> is invalid` (or `<path> is required` for an absent value).
 */
export type IssueReading = 'zod' | 'valibot' | 'messages' | 'opaque';

/** The reading of a schema from `vendor`, given the libraries whose messages may be sent. */
export function issueReadingOf(vendor: unknown, messageVendors: ReadonlySet<string>): IssueReading {
  if (vendor === 'zod' || vendor === 'valibot') return vendor;
  return typeof vendor === 'string' && messageVendors.has(vendor) ? 'messages' : 'opaque';
}

/**
 * The `schemaMessageVendors` option, checked at start-up: a list of library
 * names, each a non-empty string.
 */
export function messageVendorsOf(option: unknown, owner: string): ReadonlySet<string> {
  if (option === undefined) return new Set();
  if (
    !Array.isArray(option) ||
    !option.every((vendor) => typeof vendor === 'string' && vendor !== '')
  ) {
    throw new TypeError(
      `${owner}: "schemaMessageVendors" must be a list of Standard Schema library names ` +
        `(what schema['~standard'].vendor says), e.g. ['arktype']`,
    );
  }
  return new Set(option as readonly string[]);
}
