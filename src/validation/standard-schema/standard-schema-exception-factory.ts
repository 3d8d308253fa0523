import type { InvalidParameterError } from '../../exceptions/invalid-parameter.error.js';
import { invalidParameters, ValidationFailure } from '../validation-failure.js';
import { collectIssueViolations } from './collect-issues.js';
import type { StandardSchemaIssue } from './standard-schema.types.js';

/** Options of {@link standardSchemaExceptionFactory}. @publicApi */
export interface StandardSchemaExceptionFactoryOptions {
  /**
   * Describe every failure, as an array of sentences, instead of the first one.
   * @default false
   */
  allErrors?: boolean;
}

/**
 * An `exceptionFactory` for Nest's own `StandardSchemaValidationPipe` (Nest 12),
 * for routes that use that pipe rather than `ApiValidationPipe`: its failures
 * become `InvalidParameterError` (400 / 88) with the same violations and
 * sentences. Nest's pipe does not hand the validated value or the parameter
 * to the factory, so paths start at the parameter's own fields, an issue about
 * the whole value names it `value`, and missing fields are recognised by what
 * zod and valibot say. `ApiValidationPipe` (the module's global pipe)
 * validates parameters that have a schema without any of this.
 *
 * @example
 * new StandardSchemaValidationPipe({ exceptionFactory: standardSchemaExceptionFactory() })
 *
 * @publicApi
 */
export function standardSchemaExceptionFactory(
  options: StandardSchemaExceptionFactoryOptions = {},
): (issues: readonly StandardSchemaIssue[]) => InvalidParameterError {
  const allErrors = options.allErrors ?? false;
  return (issues) =>
    invalidParameters(
      new ValidationFailure(
        collectIssueViolations(issues, { value: undefined, hasValue: false, wholeName: 'value' }),
      ),
      undefined,
      allErrors,
    );
}
