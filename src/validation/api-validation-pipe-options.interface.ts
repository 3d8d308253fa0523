import type { ValidationPipeOptions } from '@nestjs/common';

/**
 * Options of {@link ApiValidationPipe}: Nest's `ValidationPipeOptions`, except
 * the exception factory and the error status (failures always become
 * `InvalidParameterError`, 400 / 88), plus the options below.
 * `transform` and `validateCustomDecorators` also apply to parameters
 * validated by a Standard Schema; the others of Nest's are class-validator's.
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

  /**
   * Standard Schema libraries, by the name their schemas give
   * (`schema['~standard'].vendor`, e.g. `'arktype'`), whose own messages may
   * be sent to the client, after the field's path. A library not listed here
   * has its failures described as `<path> is invalid` (or `<path> is
   * required`), because its messages may repeat the value that was sent:
   * ArkType's do by default (`must be an email address (was "…")`), so list it
   * only once its messages leave the value out. zod and valibot are always
   * read by their rules (listing them changes nothing).
   * @default []
   */
  schemaMessageVendors?: readonly string[];
}
