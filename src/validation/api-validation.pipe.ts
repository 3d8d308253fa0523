import {
  type ArgumentMetadata,
  Injectable,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';
import { ErrorReasons } from '../report/error-reasons.js';
import type { Violation, ViolationLocation } from '../report/violation.interface.js';
import { InvalidParameterError } from '../exceptions/invalid-parameter.error.js';
import type { ApiValidationPipeOptions } from './api-validation-pipe-options.interface.js';
import { collectViolations } from './collect-violations.js';

/**
 * Nest's `ValidationPipe` (class-validator and class-transformer), whose
 * failures become {@link InvalidParameterError} (400 / 88) carrying every
 * violation. The description is the first failure as a sentence
 * (`"product_id is required"`), or all of them with `allErrors`.
 * Transformation is on by default, so handlers receive DTO instances and
 * query and path parameters are converted like bodies.
 *
 * @example
 * app.useGlobalPipes(new ApiValidationPipe({ whitelist: true, forbidNonWhitelisted: true }));
 *
 * @publicApi
 */
@Injectable()
export class ApiValidationPipe extends ValidationPipe {
  private readonly allErrors: boolean;

  constructor(options: ApiValidationPipeOptions = {}) {
    const { allErrors = false, ...validationOptions } = options;
    super({
      transform: true,
      ...validationOptions,
      // The value of a failed field tells a missing field from a wrong one; it
      // is read here and never rendered, so it is always kept.
      validationError: { ...validationOptions.validationError, value: true },
      exceptionFactory: (errors: ValidationError[]) =>
        new ValidationFailure(Object.freeze(collectViolations(errors))),
    });
    this.allErrors = allErrors;
  }

  /**
   * The exception factory does not know where the value came from, so the
   * failure is finished here, where it does: each violation gets its
   * location (body, query or path), for formats that point at the field.
   */
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (!(error instanceof ValidationFailure)) throw error;
      const location: ViolationLocation = metadata.type;
      const violations = Object.freeze(
        error.violations.map((v) => Object.freeze({ ...v, location })),
      );
      const description = this.allErrors
        ? Object.freeze(violations.map((violation) => violation.message))
        : violations[0]?.message;
      throw new InvalidParameterError(description, {
        violations,
        reason: ErrorReasons.VALIDATION_FAILED,
      });
    }
  }
}

/**
 * Carries the violations from the exception factory to `transform()`. It
 * never leaves the pipe, so it is not an Error: a stack trace captured
 * through class-validator's async frames cost more than the rest of the pipe.
 */
class ValidationFailure {
  constructor(readonly violations: readonly Violation[]) {}
}
