import type { ValidationError } from '@nestjs/common';
import type { Violation } from '../report/violation.interface.js';

/** Most violations kept: an object with thousands of unknown keys must not make a huge answer. */
const MAX_VIOLATIONS = 50;

/** Longest field name echoed; unknown property names come from the client. */
const MAX_PROPERTY_LENGTH = 64;

const WHITELIST = 'whitelistValidation';
const NESTED = 'nestedValidation';

/**
 * Flattens class-validator's error tree into one violation per failed rule,
 * in the order of the fields. Nested fields are named by their path
 * (`items[0].quantity`); a missing field gives the single sentence
 * `<path> is required`, whatever rules it carries.
 */
export function collectViolations(errors: readonly ValidationError[]): Violation[] {
  const violations: Violation[] = [];
  visit(errors, [], violations);
  return violations.slice(0, MAX_VIOLATIONS);
}

function visit(
  errors: readonly ValidationError[],
  parent: readonly (string | number)[],
  out: Violation[],
): void {
  for (const error of errors) {
    if (out.length >= MAX_VIOLATIONS) return;
    const segments = [...parent, segmentOf(error.property)];
    const path = pathOf(segments);
    const constraints = error.constraints ?? {};
    const names = inDeclarationOrder(Object.keys(constraints));
    if (names.length > 0) {
      if (isMissing(error, names)) {
        out.push({ path, segments, constraint: 'required', message: `${path} is required` });
      } else {
        for (const name of names) {
          const message = sentence(constraints[name], error.property, path);
          // Two rules with one custom message ("must be a positive integer") say it once.
          if (out.some((seen) => seen.path === path && seen.message === message)) continue;
          out.push({
            path,
            segments,
            constraint: name,
            message,
          });
        }
      }
    }
    if (error.children !== undefined && error.children.length > 0) {
      visit(error.children, segments, out);
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

/** Absent or null, and not merely an unknown property (whose value is whatever was sent). */
function isMissing(error: ValidationError, constraints: readonly string[]): boolean {
  return (
    'value' in error &&
    (error.value === undefined || error.value === null) &&
    !constraints.includes(WHITELIST)
  );
}

/** Array items appear as numeric properties of their parent; long names are cut. */
function segmentOf(property: string): string | number {
  if (/^(0|[1-9]\d{0,8})$/.test(property)) return Number(property);
  return property.length > MAX_PROPERTY_LENGTH
    ? `${property.slice(0, MAX_PROPERTY_LENGTH)}…`
    : property;
}

/** `['items', 0, 'quantity']` -> `items[0].quantity`. */
export function pathOf(segments: readonly (string | number)[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else path += path === '' ? segment : `.${segment}`;
  }
  return path;
}

/**
 * class-validator names a field by its own name; a nested one should be named
 * by its path, so the first mention of the name becomes the path. A message
 * that never mentions the field gets the path in front.
 */
function sentence(message: string, property: string, path: string): string {
  if (message === 'Validation failed (object is expected)') return `${path} must be an object`;
  if (path === property) return message;
  const mention = new RegExp(`(^|[^\\w.\\[])${escapeRegExp(property)}(?![\\w\\]])`);
  return mention.test(message)
    ? message.replace(mention, (_match, before: string) => `${before}${path}`)
    : `${path}: ${message}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
