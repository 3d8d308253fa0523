import type { ValidationPipeOptions } from '@nestjs/common';

/**
 * Options of {@link ApiValidationPipe}: Nest's `ValidationPipeOptions`, except
 * the exception factory and the error status (failures always become
 * `InvalidParameterError`, 400 / 88), plus the options below.
 * `transform` and `validateCustomDecorators` also apply to parameters
 * validated by a Standard Schema; the others are class-validator's.
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

  /**
   * Validate DTO classes with class-validator and class-transformer (both must
   * be installed: a missing one fails the start-up, naming it). `false`
   * validates only the parameters that have a Standard Schema
   * (`@Body({ schema })`), lets the others through as they come, and needs
   * neither package.
   * @default true
   */
  classValidator?: boolean;
}
