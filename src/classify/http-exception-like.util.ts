/** The part of Nest's `HttpException` this library reads. */
export interface HttpExceptionLike {
  getStatus(): number;
  getResponse(): string | object;
  readonly cause?: unknown;
  readonly message: string;
}

/**
 * Whether a value behaves as Nest's `HttpException`. Checked by shape, not
 * `instanceof`, so exceptions from a library bundling its own copy of
 * `@nestjs/common` are recognised too.
 */
export function isHttpExceptionLike(value: unknown): value is HttpExceptionLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as HttpExceptionLike).getStatus === 'function' &&
    typeof (value as HttpExceptionLike).getResponse === 'function'
  );
}
