import type { IssueReading } from './issue-reading.js';
import type { StandardSchemaIssue } from './standard-schema.types.js';

/**
 * What one Standard Schema issue says, in the terms class-validator uses:
 * the rule that failed (`isString`, `min`, …) and, for the issues zod and
 * valibot report in their own default wording, a sentence in class-validator's
 * wording. Those libraries' default messages do not name the field, and
 * valibot's repeat the value that was sent (`Received "hunter2"`, in English
 * or in a translation), so they are never shown; a message the schema's
 * author wrote is. Other libraries' messages are shown only when the app
 * listed the library (see {@link IssueReading}).
 */
export type IssueMeaning =
  /** Properties the object at the issue's path should not have (zod's `unrecognized_keys`). */
  | { readonly kind: 'unexpected-keys'; readonly keys: readonly unknown[] }
  /** The issue's path ends at a property the object should not have (valibot's strict objects). */
  | { readonly kind: 'unexpected-property' }
  | RuleMeaning;

export interface RuleMeaning {
  readonly kind: 'rule';
  /** class-validator's name for the rule where there is one, else the library's own. */
  readonly constraint: string;
  /** What follows the field's path in our sentence, e.g. `must be a string`; none when unknown. */
  readonly predicate?: string;
  /**
   * The issue's message is sent (after the path): one the schema's author
   * wrote, or any of a library the app listed. Otherwise the sentence is ours.
   */
  readonly sendsMessage: boolean;
  /** The rule checks a value's presence or type, so an absent value is a missing field. */
  readonly checksPresence: boolean;
  /** The library says the value was absent (used when the validated value is not at hand). */
  readonly saysAbsent: boolean;
}

type Rule = readonly [constraint: string, predicate: string | undefined];

/** Longest value from a schema (a bound, a pattern, a list of choices) put in a sentence. */
const MAX_SHOWN_VALUE_LENGTH = 100;
const MAX_SHOWN_CHOICES_LENGTH = 200;

const TYPE_RULES: Readonly<Record<string, Rule>> = {
  string: ['isString', 'must be a string'],
  number: ['isNumber', 'must be a number conforming to the specified constraints'],
  int: ['isInt', 'must be an integer number'],
  integer: ['isInt', 'must be an integer number'],
  safe_integer: ['isInt', 'must be an integer number'],
  bigint: ['isInt', 'must be an integer number'],
  boolean: ['isBoolean', 'must be a boolean value'],
  array: ['isArray', 'must be an array'],
  tuple: ['isArray', 'must be an array'],
  loose_tuple: ['isArray', 'must be an array'],
  strict_tuple: ['isArray', 'must be an array'],
  tuple_with_rest: ['isArray', 'must be an array'],
  object: ['isObject', 'must be an object'],
  loose_object: ['isObject', 'must be an object'],
  strict_object: ['isObject', 'must be an object'],
  object_with_rest: ['isObject', 'must be an object'],
  record: ['isObject', 'must be an object'],
  date: ['isDate', 'must be a Date instance'],
};

const EMAIL: Rule = ['isEmail', 'must be an email'];
const URL_ADDRESS: Rule = ['isUrl', 'must be a URL address'];
const UUID: Rule = ['isUUID', 'must be a UUID'];
const ISO_DATE: Rule = ['isISO8601', 'must be a valid ISO 8601 date string'];
const IP: Rule = ['isIP', 'must be an ip address'];

/** zod's string formats (`invalid_format`) and valibot's string actions, by name. */
const FORMAT_RULES: Readonly<Record<string, Rule>> = {
  email: EMAIL,
  rfc_email: EMAIL,
  url: URL_ADDRESS,
  uuid: UUID,
  uuidv4: UUID,
  uuidv6: UUID,
  guid: UUID,
  datetime: ISO_DATE,
  date: ISO_DATE,
  time: ISO_DATE,
  iso_date: ISO_DATE,
  iso_date_time: ISO_DATE,
  iso_date_time_second: ISO_DATE,
  iso_time: ISO_DATE,
  iso_time_second: ISO_DATE,
  iso_timestamp: ISO_DATE,
  iso_week: ISO_DATE,
  ip: IP,
  ipv4: IP,
  ipv6: IP,
  jwt: ['isJWT', 'must be a jwt string'],
  base64: ['isBase64', 'must be base64 encoded'],
  hexadecimal: ['isHexadecimal', 'must be a hexadecimal number'],
  non_empty: ['isNotEmpty', 'should not be empty'],
  empty: ['isEmpty', 'must be empty'],
};

/** zod's default messages begin with one of these (its English locale). */
const ZOD_DEFAULT_OPENINGS = ['Invalid ', 'Too small: ', 'Too big: ', 'Unrecognized key'];

/** valibot's checks whose failures are the schema author's own, not about presence or type. */
const VALIBOT_CUSTOM_CHECKS = new Set(['check', 'raw_check', 'partial_check', 'custom']);

/** Any failure of a library whose messages are not sent: `<path> is invalid`. */
const OPAQUE: RuleMeaning = {
  kind: 'rule',
  constraint: 'invalid',
  predicate: 'is invalid',
  sendsMessage: false,
  checksPresence: true,
  saysAbsent: false,
};

/** A failure of a library the app listed: its own message. */
const LISTED: RuleMeaning = { ...OPAQUE, predicate: undefined, sendsMessage: true };

/** What an issue means, read as its schema's library asks. */
export function meaningOf(issue: StandardSchemaIssue, reading: IssueReading): IssueMeaning {
  const fields = issue as unknown as Readonly<Record<string, unknown>>;
  const message = typeof issue.message === 'string' ? issue.message : '';
  switch (reading) {
    case 'zod':
      return typeof fields.code === 'string' ? zodMeaning(fields, message) : OPAQUE;
    case 'valibot':
      return isValibotIssue(fields) ? valibotMeaning(fields, message) : OPAQUE;
    case 'messages':
      return LISTED;
    default:
      return OPAQUE;
  }
}

function isValibotIssue(issue: Readonly<Record<string, unknown>>): boolean {
  const { kind } = issue;
  return (
    (kind === 'schema' || kind === 'validation' || kind === 'transformation') &&
    typeof issue.type === 'string'
  );
}

function zodMeaning(issue: Readonly<Record<string, unknown>>, message: string): IssueMeaning {
  const code = issue.code as string;
  if (code === 'unrecognized_keys') {
    return { kind: 'unexpected-keys', keys: Array.isArray(issue.keys) ? issue.keys : [] };
  }
  const [constraint, predicate] = zodRule(code, issue);
  return {
    kind: 'rule',
    constraint,
    predicate,
    sendsMessage: !ZOD_DEFAULT_OPENINGS.some((opening) => message.startsWith(opening)),
    checksPresence: code !== 'custom',
    saysAbsent:
      code === 'invalid_type' &&
      (message.endsWith(', received undefined') || message.endsWith(', received null')),
  };
}

function zodRule(code: string, issue: Readonly<Record<string, unknown>>): Rule {
  switch (code) {
    case 'invalid_type':
      return typeRule(issue.expected);
    case 'too_small':
    case 'too_big':
      return sizeRule(
        code === 'too_small' ? 'min' : 'max',
        typeof issue.origin === 'string' ? issue.origin : 'number',
        code === 'too_small' ? issue.minimum : issue.maximum,
        issue.inclusive !== false,
        issue.exact === true,
      );
    case 'invalid_format':
      return formatRule(issue.format, issue);
    case 'not_multiple_of':
      return divisibleRule(issue.divisor);
    case 'invalid_value':
      return choiceRule(Array.isArray(issue.values) ? issue.values : undefined);
    case 'invalid_union':
      return ['invalid_union', 'is invalid'];
    case 'invalid_key':
      return ['invalid_key', 'has an invalid key'];
    case 'invalid_element':
      return ['invalid_element', 'has an invalid item'];
    default:
      return [nameOf(code), undefined];
  }
}

function valibotMeaning(issue: Readonly<Record<string, unknown>>, message: string): IssueMeaning {
  const type = issue.type as string;
  const { received, path } = issue;
  const lastKey = Array.isArray(path)
    ? (path.at(-1) as { origin?: unknown } | undefined)
    : undefined;
  // A strict object reports an unknown key as a key that should be `never`.
  if (type === 'strict_object' && lastKey?.origin === 'key' && issue.expected === 'never') {
    return { kind: 'unexpected-property' };
  }
  const [constraint, predicate] = valibotRule(type, issue);
  return {
    kind: 'rule',
    constraint,
    predicate,
    sendsMessage: !isValibotMessage(message, received),
    checksPresence: !VALIBOT_CUSTOM_CHECKS.has(type),
    saysAbsent: received === 'undefined' || received === 'null',
  };
}

/**
 * Whether a message is valibot's own: its English default
 * (`Invalid <what>: [Expected <x> but r]eceived <value>`), or any message that
 * repeats what valibot received, as its translations (`@valibot/i18n`) and
 * messages set with `setGlobalMessage` do. An author's message that happens
 * to contain the value is replaced too: our sentence is the safe side.
 */
function isValibotMessage(message: string, received: unknown): boolean {
  if (typeof received !== 'string' || received === '') return false;
  if (message.startsWith('Invalid ') && message.endsWith(`eceived ${received}`)) return true;
  return mentions(message, received);
}

/** Whether `text` contains `token` not inside a longer word or number (`5` is not in `15`). */
function mentions(text: string, token: string): boolean {
  for (let at = text.indexOf(token); at !== -1; at = text.indexOf(token, at + 1)) {
    const before = at === 0 ? '' : text[at - 1];
    const after = text.charAt(at + token.length);
    if (!(continuesWord(before, token[0]) || continuesWord(after, token.at(-1)!))) return true;
  }
  return false;
}

const WORD_CHARACTER = /[\p{L}\p{N}_]/u;

/** A word character next to a token that ends in one, so both make one longer word. */
function continuesWord(neighbour: string, edge: string): boolean {
  return neighbour !== '' && WORD_CHARACTER.test(neighbour) && WORD_CHARACTER.test(edge);
}

function valibotRule(type: string, issue: Readonly<Record<string, unknown>>): Rule {
  const { requirement, input, expected } = issue;
  if (issue.kind === 'schema') {
    if (type === 'picklist' || type === 'enum' || type === 'literal') {
      return choiceRule(typeof expected === 'string' ? valibotChoices(expected) : undefined);
    }
    if (type === 'union' || type === 'variant') return ['invalid_union', 'is invalid'];
    return typeRule(type);
  }
  const lengthOrigin = Array.isArray(input) || input instanceof Set ? 'array' : 'string';
  const valueOrigin = requirement instanceof Date ? 'date' : 'number';
  switch (type) {
    case 'min_value':
    case 'gt_value':
      return sizeRule('min', valueOrigin, requirement, type === 'min_value', false);
    case 'max_value':
    case 'lt_value':
      return sizeRule('max', valueOrigin, requirement, type === 'max_value', false);
    case 'min_length':
    case 'min_size':
    case 'min_entries':
      return sizeRule(
        'min',
        type === 'min_length' ? lengthOrigin : 'array',
        requirement,
        true,
        false,
      );
    case 'max_length':
    case 'max_size':
    case 'max_entries':
      return sizeRule(
        'max',
        type === 'max_length' ? lengthOrigin : 'array',
        requirement,
        true,
        false,
      );
    case 'length':
    case 'size':
    case 'entries':
      return sizeRule('min', type === 'length' ? lengthOrigin : 'array', requirement, true, true);
    case 'integer':
    case 'safe_integer':
      return typeRule(type);
    case 'multiple_of':
      return divisibleRule(requirement);
    case 'value':
      return choiceRule([requirement]);
    case 'values':
      return choiceRule(Array.isArray(requirement) ? requirement : undefined);
    case 'regex':
    case 'starts_with':
    case 'ends_with':
    case 'includes':
      return formatRule(type, {
        pattern: requirement,
        prefix: requirement,
        suffix: requirement,
        includes: requirement,
      });
    default:
      return Object.hasOwn(FORMAT_RULES, type) ? FORMAT_RULES[type] : [nameOf(type), undefined];
  }
}

/** A failed type check: class-validator's rule for the type, or the type's name. */
function typeRule(expected: unknown): Rule {
  if (typeof expected === 'string' && Object.hasOwn(TYPE_RULES, expected)) {
    return TYPE_RULES[expected];
  }
  const name = nameOf(expected);
  return ['invalid_type', name === 'invalid' ? 'has the wrong type' : `must be of type ${name}`];
}

/** A bound on a number, a length, a count of items or a date. */
function sizeRule(
  bound: 'min' | 'max',
  origin: string,
  limit: unknown,
  inclusive: boolean,
  exact: boolean,
): Rule {
  const shown = origin === 'date' ? shownDate(limit) : shownValue(limit);
  if (shown === undefined) return [bound, bound === 'min' ? 'is too small' : 'is too large'];
  if (origin === 'string') {
    if (exact) return ['isLength', `must be exactly ${shown} characters long`];
    return bound === 'min'
      ? ['minLength', `must be longer than or equal to ${shown} characters`]
      : ['maxLength', `must be shorter than or equal to ${shown} characters`];
  }
  if (origin === 'array' || origin === 'set' || origin === 'map' || origin === 'file') {
    if (exact) return ['arrayLength', `must contain exactly ${shown} elements`];
    return bound === 'min'
      ? ['arrayMinSize', `must contain at least ${shown} elements`]
      : ['arrayMaxSize', `must contain no more than ${shown} elements`];
  }
  if (origin === 'date') {
    return bound === 'min'
      ? ['minDate', `must not be before ${shown}`]
      : ['maxDate', `must not be after ${shown}`];
  }
  if (exact) return ['equals', `must be equal to ${shown}`];
  if (bound === 'min') {
    return ['min', inclusive ? `must not be less than ${shown}` : `must be greater than ${shown}`];
  }
  return ['max', inclusive ? `must not be greater than ${shown}` : `must be less than ${shown}`];
}

/** A string format: class-validator's rule where it has one. */
function formatRule(format: unknown, issue: Readonly<Record<string, unknown>>): Rule {
  if (typeof format !== 'string') return ['invalid_format', undefined];
  if (Object.hasOwn(FORMAT_RULES, format)) return FORMAT_RULES[format];
  switch (format) {
    case 'regex': {
      const pattern = shownValue(issue.pattern);
      return [
        'matches',
        pattern === undefined
          ? 'has an invalid format'
          : `must match ${pattern} regular expression`,
      ];
    }
    case 'starts_with':
      return quotedRule('startsWith', 'must start with', issue.prefix);
    case 'ends_with':
      return quotedRule('endsWith', 'must end with', issue.suffix);
    case 'includes':
      return quotedRule('contains', 'must contain', issue.includes);
    default: {
      const name = nameOf(format);
      return name === 'invalid'
        ? ['invalid_format', undefined]
        : [name, `must be a valid ${name.replace(/_/g, ' ')}`];
    }
  }
}

function quotedRule(constraint: string, verb: string, text: unknown): Rule {
  const shown = typeof text === 'string' ? shownValue(text) : undefined;
  return [constraint, shown === undefined ? 'has an invalid format' : `${verb} "${shown}"`];
}

function divisibleRule(divisor: unknown): Rule {
  const shown = shownValue(divisor);
  return ['isDivisibleBy', shown === undefined ? 'is invalid' : `must be divisible by ${shown}`];
}

/** One allowed value (`equals`) or a list of them (`isIn`), as class-validator says. */
function choiceRule(choices: readonly unknown[] | undefined): Rule {
  if (choices === undefined || choices.length === 0) return ['isIn', 'is not an allowed value'];
  const shown: string[] = [];
  let length = 0;
  for (const choice of choices) {
    const text = choice === null ? 'null' : shownValue(choice);
    length += (text?.length ?? Infinity) + 2;
    if (text === undefined || length > MAX_SHOWN_CHOICES_LENGTH) {
      return [choices.length === 1 ? 'equals' : 'isIn', 'is not an allowed value'];
    }
    shown.push(text);
  }
  return shown.length === 1
    ? ['equals', `must be equal to ${shown[0]}`]
    : ['isIn', `must be one of the following values: ${shown.join(', ')}`];
}

/** valibot's `expected` for choices: `("a" | "b" | 3)` or `"a"`, back to the values. */
function valibotChoices(expected: string): unknown[] | undefined {
  if (expected.length > MAX_SHOWN_CHOICES_LENGTH * 2) return undefined;
  const list =
    expected.startsWith('(') && expected.endsWith(')') ? expected.slice(1, -1) : expected;
  return list.split(' | ').map((item) => {
    if (item.length >= 2 && item.startsWith('"') && item.endsWith('"')) {
      try {
        return JSON.parse(item) as unknown;
      } catch {
        return item;
      }
    }
    return item;
  });
}

/** A value from the schema (a bound, a choice, a pattern) as text, when short and plain. */
function shownValue(value: unknown): string | undefined {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    text = String(value);
  } else if (typeof value === 'bigint' || typeof value === 'boolean') {
    text = String(value);
  } else if (typeof value === 'string') {
    text = value;
  } else if (value instanceof RegExp) {
    text = String(value);
  } else {
    return shownDate(value);
  }
  return text.length <= MAX_SHOWN_VALUE_LENGTH ? text : undefined;
}

function shownDate(value: unknown): string | undefined {
  const date =
    value instanceof Date ? value : typeof value === 'number' ? new Date(value) : undefined;
  return date === undefined || Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** A name from a schema library (a rule, a type, a format) when it is a plain word. */
function nameOf(value: unknown): string {
  return typeof value === 'string' && /^[A-Za-z][A-Za-z0-9_]{0,31}$/.test(value)
    ? value
    : 'invalid';
}
