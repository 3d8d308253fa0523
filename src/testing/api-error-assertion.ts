/**
 * Thrown when a response is not the expected error. Named `AssertionError`
 * and carrying `actual` and `expected`, so vitest, jest and node:test show it
 * as a failed assertion, with a diff where the runner draws one.
 *
 * @publicApi
 */
export class ApiErrorAssertion extends Error {
  override readonly name = 'AssertionError';
  /** Test runners draw a diff of `expected` and `actual`. */
  readonly showDiff = true;

  constructor(
    message: string,
    readonly actual: Readonly<Record<string, unknown>>,
    readonly expected: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}
