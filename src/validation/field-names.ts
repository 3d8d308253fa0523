/**
 * How the names of validated fields are shown in paths and sentences. Field
 * names can come from the client (an unknown property, a key of a record), so
 * a name is shown only when it looks like a property name, and never longer
 * than a bound.
 */

/** Longest property name shown; a longer one is cut there and ends with `…`. */
export const MAX_PROPERTY_NAME_LENGTH = 64;

/** Longest path shown; a deeper one keeps its first segments that fit, then `…`. */
export const MAX_PATH_LENGTH = 256;

/** What a property name that does not look like one is shown as. */
export const UNNAMED_PROPERTY = '?';

/** One step of a path: a property name or an array index. */
export type PathSegment = string | number;

/** Array indexes appear as numeric property names (`"0"`, `"12"`). */
const ARRAY_INDEX = /^(?:0|[1-9]\d{0,8})$/;

/**
 * A plausible property name: a JavaScript identifier (any script's letters),
 * optionally with hyphens (`is-admin`). Anything else (spaces, quotes, dots,
 * invisible characters, a whole JSON document sent as a form field name) is
 * not repeated.
 */
const PROPERTY_NAME = /^[\p{ID_Start}$_][\p{ID_Continue}$-]*$/u;

/**
 * The segment a property name is shown as: an index for `"0"`, the name
 * itself when it is a plausible property name (cut after 64 characters), or
 * `?`. Only the first 64 characters are ever looked at.
 */
export function segmentOf(name: string): PathSegment {
  if (ARRAY_INDEX.test(name)) return Number(name);
  const head =
    name.length > MAX_PROPERTY_NAME_LENGTH ? name.slice(0, MAX_PROPERTY_NAME_LENGTH) : name;
  if (!PROPERTY_NAME.test(head)) return UNNAMED_PROPERTY;
  return head === name ? name : `${head}…`;
}

/** A path segment from a schema's issue: numbers are indexes, keys are names. */
export function segmentOfKey(key: unknown): PathSegment {
  if (typeof key === 'number') {
    return Number.isInteger(key) && key >= 0 && key <= 999_999_999 ? key : UNNAMED_PROPERTY;
  }
  return typeof key === 'string' ? segmentOf(key) : UNNAMED_PROPERTY;
}

/** A shown path and the segments it names (fewer than given when it was cut). */
export interface FieldPath {
  readonly path: string;
  readonly segments: readonly PathSegment[];
}

/** `['items', 0, 'quantity']` -> `items[0].quantity`, cut after 256 characters. */
export function fieldPath(segments: readonly PathSegment[]): FieldPath {
  let path = '';
  for (let i = 0; i < segments.length; i++) {
    const next = appendSegment(path, segments[i]);
    if (next.length > MAX_PATH_LENGTH) return { path: `${path}…`, segments: segments.slice(0, i) };
    path = next;
  }
  return { path, segments };
}

function appendSegment(path: string, segment: PathSegment): string {
  if (typeof segment === 'number') return `${path}[${segment}]`;
  return path === '' ? segment : `${path}.${segment}`;
}

/**
 * A validator's message about the field `name`, rewritten to name the field by
 * its path (`quantity must be …` -> `items[1].quantity must be …`); a message
 * that does not mention the field gets the path in front. A name that is not
 * shown as it is (cut, or `?`) must not reach the sentence at all.
 */
export function sentenceNaming(
  message: string,
  name: string,
  segment: PathSegment,
  path: string,
): string {
  // Indexes are shown as they are, like plausible names.
  if (segment === name || typeof segment === 'number') {
    if (path === name) return message;
    const at = mentionOf(message, name);
    return at === -1
      ? `${path}: ${message}`
      : `${message.slice(0, at)}${path}${message.slice(at + name.length)}`;
  }
  if (message.startsWith(name)) {
    const rest = message.slice(name.length);
    return rest.includes(name) ? `${path} is invalid` : `${path}${rest}`;
  }
  return message.includes(name) ? `${path} is invalid` : `${path}: ${message}`;
}

/** The sentence for a property the validated value should not have. */
export function unexpectedPropertySentence(parent: FieldPath, own: FieldPath): string {
  const unnamed =
    own.segments.length === parent.segments.length + 1 && own.segments.at(-1) === UNNAMED_PROPERTY;
  if (!unnamed) return `property ${own.path} should not exist`;
  return parent.path === ''
    ? 'an unexpected property should not exist'
    : `an unexpected property in ${parent.path} should not exist`;
}

/**
 * Where `name` is mentioned as a whole word (not inside a longer name, nor
 * as part of a path such as `a.name` or `[name]`), or -1. Plain string
 * search: a name is never turned into a regular expression.
 */
function mentionOf(text: string, name: string): number {
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
    const before = at === 0 ? -1 : text.charCodeAt(at - 1);
    const after = at + name.length < text.length ? text.charCodeAt(at + name.length) : -1;
    const startsWord = before === -1 || !(isWordChar(before) || before === DOT || before === OPEN);
    const endsWord = after === -1 || !(isWordChar(after) || after === CLOSE);
    if (startsWord && endsWord) return at;
  }
  return -1;
}

const DOT = 0x2e;
const OPEN = 0x5b;
const CLOSE = 0x5d;

/** `\w`: ASCII letters, digits and `_`. */
function isWordChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x5f
  );
}
