import type { Violation } from '../report/violation.interface.js';
import type { FieldPath } from './field-names.js';

/** Most violations kept: an object with thousands of unknown keys must not make a huge answer. */
export const MAX_VIOLATIONS = 50;

/**
 * Characters of paths and sentences kept over all violations: past it no
 * further violation is added (the first one always is), so every format's
 * answer stays a few KiB whatever was sent.
 */
export const MAX_VIOLATION_TEXT = 3072;

/** Longest sentence kept; a longer one is cut there and ends with `…`. */
export const MAX_SENTENCE_LENGTH = 512;

/**
 * Violations in the order they are found, within the bounds above. A field
 * whose rules fail with one message ("must be a positive integer" for both
 * `isInt` and `min`) gets it once.
 */
export class ViolationList {
  readonly violations: Violation[] = [];
  private remainingText = MAX_VIOLATION_TEXT;

  /** No further violation will be kept. */
  get full(): boolean {
    return this.violations.length >= MAX_VIOLATIONS || this.remainingText <= 0;
  }

  add(field: FieldPath, constraint: string, sentence: string): void {
    if (this.full) return;
    const message =
      sentence.length > MAX_SENTENCE_LENGTH
        ? `${sentence.slice(0, MAX_SENTENCE_LENGTH)}…`
        : sentence;
    const { path, segments } = field;
    if (this.violations.some((seen) => seen.path === path && seen.message === message)) return;
    this.violations.push({ path, segments, constraint, message });
    this.remainingText -= path.length + message.length;
  }
}
