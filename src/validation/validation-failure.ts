import type { ArgumentMetadata } from '@nestjs/common';
import { InvalidParameterError } from '../exceptions/invalid-parameter.error.js';
import { withoutStack } from '../exceptions/without-stack.js';
import { ErrorReasons } from '../report/error-reasons.js';
import type { Violation, ViolationLocation } from '../report/violation.interface.js';
import { MAX_NESTING_DEPTH } from './nesting-depth.js';

/**
 * Carries violations from where they are found to the pipe, which knows where
 * the value came from. It never leaves the pipe, so it is not an Error: a
 * stack trace captured through class-validator's async frames cost more than
 * the rest of the pipe.
 */
export class ValidationFailure {
  constructor(readonly violations: readonly Violation[]) {}
}

/**
 * The value is nested deeper than {@link MAX_NESTING_DEPTH}: thrown out of
 * Nest's pipe to stop it, and turned into the client's error by ours. Rare
 * enough that its stack costs nothing that matters.
 */
export class NestingTooDeep extends Error {
  constructor() {
    super(`The value is nested more than ${MAX_NESTING_DEPTH} levels deep`);
    this.name = 'NestingTooDeep';
  }
}

/** What each kind of parameter is called in the sentence for a value nested too deeply. */
const VALUE_NAMES: Readonly<Record<ViolationLocation, string>> = {
  body: 'Request body',
  query: 'Query string',
  param: 'Path parameter',
  custom: 'Request parameter',
};

/**
 * The error a pipe failure becomes: 400 / 88 with every violation, located,
 * and the first sentence (or all of them) as the description.
 */
export function invalidParameters(
  failure: ValidationFailure,
  location: ViolationLocation | undefined,
  allErrors: boolean,
): InvalidParameterError {
  const violations = Object.freeze(
    failure.violations.map((violation) =>
      Object.freeze(location === undefined ? { ...violation } : { ...violation, location }),
    ),
  );
  const description = allErrors
    ? Object.freeze(violations.map((violation) => violation.message))
    : violations[0]?.message;
  // The client's mistake, never logged with a stack: capturing one would cost more than the rest.
  return withoutStack(
    () =>
      new InvalidParameterError(description, {
        violations,
        reason: ErrorReasons.VALIDATION_FAILED,
      }),
  );
}

/** 400 / 88 for a value nested too deeply; the sentence names no part of the value. */
export function nestedTooDeeply(metadata: ArgumentMetadata): InvalidParameterError {
  const name = VALUE_NAMES[metadata.type] ?? VALUE_NAMES.custom;
  return withoutStack(
    () =>
      new InvalidParameterError(
        `${name} is nested too deeply (more than ${MAX_NESTING_DEPTH} levels)`,
      ),
  );
}
