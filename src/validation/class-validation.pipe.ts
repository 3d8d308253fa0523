import { ValidationPipe, type ValidationError, type ValidationPipeOptions } from '@nestjs/common';
import type { ClassValidatorPackages } from './class-validator-packages.js';
import { collectViolations } from './collect-violations.js';
import { stripProtoKeysWithinDepth } from './nesting-depth.js';
import { NestingTooDeep, ValidationFailure } from './validation-failure.js';

/**
 * Nest's `ValidationPipe` with the packages handed in, failures collected as
 * violations, and a value nested too deeply refused before class-transformer
 * copies it by recursion. Internal to `ApiValidationPipe`, which turns what
 * it throws into the error the client gets.
 */
export class ClassValidationPipe extends ValidationPipe {
  constructor(options: ValidationPipeOptions, packages: ClassValidatorPackages) {
    super({
      ...options,
      ...packages,
      // The value of a failed field tells a missing field from a wrong one; it
      // is read here and never rendered, so it is always kept.
      validationError: { ...options.validationError, value: true },
      exceptionFactory: (errors: ValidationError[]) =>
        new ValidationFailure(Object.freeze(collectViolations(errors))),
    });
  }

  /**
   * Nest strips the prototype keys just before class-transformer runs; the
   * same walk measures the depth, so a deep value costs one walk, not two.
   */
  protected override stripProtoKeys(value: unknown): void {
    if (!stripProtoKeysWithinDepth(value)) throw new NestingTooDeep();
  }
}
