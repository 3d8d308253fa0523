import type { ValidationPipeOptions } from '@nestjs/common';

/**
 * Options of {@link ApiValidationPipe}: Nest's `ValidationPipeOptions`, except
 * the exception factory and the error status (failures always become
 * `InvalidParameterError`, 400 / 88).
 *
 * @publicApi
 */
export interface ApiValidationPipeOptions extends Omit<
  ValidationPipeOptions,
  'exceptionFactory' | 'errorHttpStatusCode'
> {
  /**
   * Describe every failure, as an array of sentences, instead of the first one.
   * @default false
   */
  allErrors?: boolean;
}
