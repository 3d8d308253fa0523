import type { Violation } from '../../report/violation.interface.js';
import {
  fieldPath,
  type FieldPath,
  type PathSegment,
  segmentOf,
  segmentOfKey,
  sentenceNaming,
  unexpectedPropertySentence,
} from '../field-names.js';
import { ViolationList } from '../violation-list.js';
import { meaningOf, type RuleMeaning } from './issue-meaning.js';
import type { IssueReading } from './issue-reading.js';
import type { StandardSchemaIssue } from './standard-schema.types.js';

/** Issues read at most: past the violations kept, the rest only cost time. */
const MAX_ISSUES_READ = 1000;

/** Keys of an issue's path read at most; a path is cut at 256 characters anyway. */
const MAX_PATH_KEYS = 128;

/** Unknown keys of one object read at most. */
const MAX_UNEXPECTED_KEYS = 1000;

const WHITELIST = 'whitelistValidation';

/** Where the issues were found. */
export interface IssueSource {
  /**
   * The validated value, to tell a missing field from a wrong one;
   * `undefined` in `hasValue: false` when it is not at hand.
   */
  readonly value: unknown;
  readonly hasValue: boolean;
  /** The parameter's own name (`@Body('address', { schema })`), put in front of every path. */
  readonly name?: string;
  /** What the value is called when an issue is about the whole of it (`body`, `query`). */
  readonly wholeName: string;
}

/**
 * Turns a schema's issues into violations, with the same paths as
 * class-validator's failures. zod's and valibot's issues also get its rule
 * names and sentences: `items[1].quantity must not be less than 1`,
 * `product_id is required`, `property is_admin should not exist`; other
 * libraries' issues are read as `reading` says. Bounded like
 * class-validator's: at most 50 violations, paths cut at 256 characters,
 * names that are no property names shown as `?`.
 */
export function collectIssueViolations(
  issues: readonly StandardSchemaIssue[],
  source: IssueSource,
  reading: IssueReading,
): Violation[] {
  const list = new ViolationList();
  const prefix: PathSegment[] = source.name === undefined ? [] : [segmentOf(source.name)];
  const count = Math.min(issues.length, MAX_ISSUES_READ);
  for (let i = 0; i < count && !list.full; i++) {
    const issue = issues[i];
    if (typeof issue !== 'object' || issue === null) continue;
    const keys = keysOf(issue.path);
    const segments = [...prefix, ...keys.map(segmentOfKey)];
    const meaning = meaningOf(issue, reading);
    if (meaning.kind === 'unexpected-keys') {
      const parent = fieldPath(segments);
      const unexpected = meaning.keys.slice(0, MAX_UNEXPECTED_KEYS);
      for (let k = 0; k < unexpected.length && !list.full; k++) {
        const own = fieldPath([...segments, segmentOfKey(unexpected[k])]);
        list.add(own, WHITELIST, unexpectedPropertySentence(parent, own));
      }
    } else if (meaning.kind === 'unexpected-property') {
      const own = fieldPath(segments);
      list.add(own, WHITELIST, unexpectedPropertySentence(fieldPath(segments.slice(0, -1)), own));
    } else {
      const field = fieldPath(segments.length > 0 ? segments : [source.wholeName]);
      if (isMissing(meaning, source, keys)) {
        list.add(field, 'required', `${field.path} is required`);
      } else {
        list.add(field, meaning.constraint, sentenceOf(issue, meaning, keys, source, field));
      }
    }
  }
  return list.violations;
}

/** The sentence: ours (class-validator's wording where there is one), or the message that may be sent, naming the path. */
function sentenceOf(
  issue: StandardSchemaIssue,
  meaning: RuleMeaning,
  keys: readonly PropertyKey[],
  source: IssueSource,
  field: FieldPath,
): string {
  if (!meaning.sendsMessage) return `${field.path} ${meaning.predicate ?? 'is invalid'}`;
  const message = typeof issue.message === 'string' ? issue.message : '';
  const last = keys.at(-1);
  const name = last === undefined ? (source.name ?? source.wholeName) : String(last);
  const segment = field.segments.at(-1) ?? UNNAMED;
  return sentenceNaming(message, name, segment, field.path);
}

const UNNAMED = '?';

/** An absent (or null) value where a value of some type was required. */
function isMissing(
  meaning: RuleMeaning,
  source: IssueSource,
  keys: readonly PropertyKey[],
): boolean {
  if (!meaning.checksPresence) return false;
  if (!source.hasValue) return meaning.saysAbsent;
  const value = valueAt(source.value, keys);
  return value === undefined || value === null;
}

/** The part of the value a path leads to; own properties only. */
function valueAt(value: unknown, keys: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of keys) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) {
      return undefined;
    }
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** The keys of an issue's path (each a key, or `{ key }`), at most {@link MAX_PATH_KEYS}. */
function keysOf(path: StandardSchemaIssue['path']): PropertyKey[] {
  if (!Array.isArray(path)) return [];
  const keys: PropertyKey[] = [];
  const count = Math.min(path.length, MAX_PATH_KEYS);
  for (let i = 0; i < count; i++) {
    const item: unknown = path[i];
    const key = item !== null && typeof item === 'object' ? (item as { key?: unknown }).key : item;
    keys.push(
      typeof key === 'string' || typeof key === 'number' || typeof key === 'symbol'
        ? key
        : String(key),
    );
  }
  return keys;
}
