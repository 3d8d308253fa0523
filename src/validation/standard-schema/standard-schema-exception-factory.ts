import type { InvalidParameterError } from '../../exceptions/invalid-parameter.error.js';
import { invalidParameters, ValidationFailure } from '../validation-failure.js';
import { collectIssueViolations } from './collect-issues.js';
import { issueReadingOf, messageVendorsOf } from './issue-reading.js';
import type { StandardSchemaIssue } from './standard-schema.types.js';

/** Options of {@link standardSchemaExceptionFactory}. @publicApi */
export interface StandardSchemaExceptionFactoryOptions {
  /**
   * Describe every failure, as an array of sentences, instead of the first one.
   * @default false
   */
  allErrors?: boolean;

  /**
   * The library of the schemas the pipe validates, as they name it
   * (`schema['~standard'].vendor`: `'zod'`, `'valibot'`, …). Nest's pipe hands
   * the factory the issues only, and what an issue looks like does not tell
   * its library. With `'zod'` or `'valibot'`, failures get class-validator's
   * sentences (or the message the schema's author wrote); otherwise each is
   * `<path> is invalid`, unless `schemaMessageVendors` lists the library.
   * @default none: every failure is `<path> is invalid`
   */
  vendor?: string;

  /**
   * Libraries whose own messages may be sent to the client, as
   * `ApiValidationPipeOptions.schemaMessageVendors`; applies when `vendor` is one of them.
   * @default []
   */
  schemaMessageVendors?: readonly string[];
}

/**
 * An `exceptionFactory` for Nest's own `StandardSchemaValidationPipe` (Nest 12),
 * for routes that use that pipe rather than `ApiValidationPipe`: its failures
 * become `InvalidParameterError` (400 / 88) with the same violations and
 * sentences, once `vendor` says which library the schemas are from. Nest's
 * pipe does not hand the validated value or the parameter to the factory, so
 * paths start at the parameter's own fields, an issue about the whole value
 * names it `value`, and missing fields are recognised by what zod and valibot
 * say. `ApiValidationPipe` (the module's global pipe) validates parameters
 * that have a schema without any of this.
 *
 * @example
 * new StandardSchemaValidationPipe({
 *   exceptionFactory: standardSchemaExceptionFactory({ vendor: 'zod' }),
 * })
 *
 * @publicApi
 */
export function standardSchemaExceptionFactory(
  options: StandardSchemaExceptionFactoryOptions = {},
): (issues: readonly StandardSchemaIssue[]) => InvalidParameterError {
  const allErrors = options.allErrors ?? false;
  const reading = issueReadingOf(
    options.vendor,
    messageVendorsOf(options.schemaMessageVendors, 'standardSchemaExceptionFactory'),
  );
  return (issues) =>
    invalidParameters(
      new ValidationFailure(
        collectIssueViolations(
          issues,
          { value: undefined, hasValue: false, wholeName: 'value' },
          reading,
        ),
      ),
      undefined,
      allErrors,
    );
}
