import type { ValidationError } from '@nestjs/common';
import type { Violation } from '../report/violation.interface.js';
import {
  fieldPath,
  type FieldPath,
  type PathSegment,
  segmentOf,
  sentenceNaming,
  unexpectedPropertySentence,
} from './field-names.js';
import { ViolationList } from './violation-list.js';

const WHITELIST = 'whitelistValidation';
const NESTED = 'nestedValidation';
/** Nest's stand-in error for a body that is not an object. */
const OBJECT_EXPECTED = 'Validation failed (object is expected)';

/**
 * Flattens class-validator's error tree into one violation per failed rule,
 * in the order of the fields. Nested fields are named by their path
 * (`items[0].quantity`); a missing field gives the single sentence
 * `<path> is required`, whatever rules it carries. The tree is as deep as the
 * validated value, which the pipe has already bounded.
 */
export function collectViolations(errors: readonly ValidationError[]): Violation[] {
  const list = new ViolationList();
  visit(errors, [], fieldPath([]), list);
  return list.violations;
}

function visit(
  errors: readonly ValidationError[],
  parentSegments: readonly PathSegment[],
  parent: FieldPath,
  out: ViolationList,
): void {
  for (const error of errors) {
    if (out.full) return;
    const name = String(error.property);
    const segment = segmentOf(name);
    const segments = [...parentSegments, segment];
    const field = fieldPath(segments);
    const constraints = error.constraints ?? {};
    const names = inDeclarationOrder(Object.keys(constraints));
    if (names.includes(WHITELIST)) {
      out.add(field, WHITELIST, unexpectedPropertySentence(parent, field));
    } else if (names.length > 0 && isMissing(error)) {
      out.add(field, 'required', `${field.path} is required`);
    } else {
      for (const rule of names) {
        const message = constraints[rule];
        out.add(
          field,
          rule,
          message === OBJECT_EXPECTED
            ? `${field.path} must be an object`
            : sentenceNaming(message, name, segment, field.path),
        );
      }
    }
    if (error.children !== undefined && error.children.length > 0) {
      visit(error.children, segments, field, out);
    }
  }
}

/**
 * class-validator checks a field's own rules bottom-up (decorators apply
 * bottom-up), then its nested validation. Putting the own rules back in the
 * order they are written makes "the first failure" the first rule in the DTO.
 */
function inDeclarationOrder(names: readonly string[]): string[] {
  const own = names.filter((name) => name !== NESTED);
  return names.length === own.length ? own.reverse() : [...own.reverse(), NESTED];
}

/** Absent or null (an unknown property, whose value is whatever was sent, is told apart before). */
function isMissing(error: ValidationError): boolean {
  return 'value' in error && (error.value === undefined || error.value === null);
}
