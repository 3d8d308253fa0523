/**
 * Thrown when a response is not the expected error. Named `AssertionError`
 * and carrying `actual` and `expected`, so vitest, jest and node:test show it
 * as a failed assertion, with a diff where the runner draws one.
 *
 * @publicApi
 */
export class ApiErrorAssertion extends Error {
  /** The name test runners show as a failed assertion. */
  override readonly name = 'AssertionError';
  /** Test runners draw a diff of `expected` and `actual`. */
  readonly showDiff = true;

  /** What the response has: its status, format, code (and message, description when checked). */
  readonly actual: Readonly<Record<string, unknown>>;
  /** What the entry renders as, member for member with `actual`. */
  readonly expected: Readonly<Record<string, unknown>>;

  constructor(
    message: string,
    actual: Readonly<Record<string, unknown>>,
    expected: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.actual = actual;
    this.expected = expected;
  }
}
