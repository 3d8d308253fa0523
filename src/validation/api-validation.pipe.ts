import { Injectable, ValidationPipe, type ValidationError } from '@nestjs/common';
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
  constructor(options: ApiValidationPipeOptions = {}) {
    const { allErrors = false, ...validationOptions } = options;
    super({
      transform: true,
      ...validationOptions,
      exceptionFactory: (errors: ValidationError[]) => toInvalidParameterError(errors, allErrors),
    });
  }
}

function toInvalidParameterError(
  errors: readonly ValidationError[],
  allErrors: boolean,
): InvalidParameterError {
  const violations = Object.freeze(collectViolations(errors));
  const description = allErrors
    ? Object.freeze(violations.map((violation) => violation.message))
    : violations[0]?.message;
  return new InvalidParameterError(description, { violations });
}
