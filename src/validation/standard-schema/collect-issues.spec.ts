import { type } from 'arktype';
import * as v from 'valibot';
import { z } from 'zod';
import { MAX_PATH_LENGTH } from '../field-names.js';
import { MAX_SENTENCE_LENGTH, MAX_VIOLATION_TEXT, MAX_VIOLATIONS } from '../violation-list.js';
import { collectIssueViolations, type IssueSource } from './collect-issues.js';
import { issueReadingOf, messageVendorsOf } from './issue-reading.js';
import { standardSchemaExceptionFactory } from './standard-schema-exception-factory.js';
import type { StandardSchema, StandardSchemaIssue } from './standard-schema.types.js';

const body = (value: unknown): IssueSource => ({ value, hasValue: true, wholeName: 'body' });

async function violationsOf(schema: StandardSchema, value: unknown, listed: string[] = []) {
  const result = await schema['~standard'].validate(value);
  if (!result.issues) throw new Error('expected a failure');
  const reading = issueReadingOf(schema['~standard'].vendor, new Set(listed));
  return collectIssueViolations(result.issues, body(value), reading);
}

const sentences = async (schema: StandardSchema, value: unknown) =>
  (await violationsOf(schema, value)).map((violation) => violation.message);

describe('collectIssueViolations with zod', () => {
  it.each([
    [z.object({ a: z.string() }), { a: 1 }, 'a must be a string'],
    [z.object({ a: z.boolean() }), { a: 1 }, 'a must be a boolean value'],
    [z.object({ a: z.array(z.int()) }), { a: 1 }, 'a must be an array'],
    [z.object({ a: z.object({}) }), { a: 1 }, 'a must be an object'],
    [z.object({ a: z.number().gt(0) }), { a: 0 }, 'a must be greater than 0'],
    [z.object({ a: z.number().lt(5) }), { a: 5 }, 'a must be less than 5'],
    [z.object({ a: z.number().max(5) }), { a: 6 }, 'a must not be greater than 5'],
    [
      z.object({ a: z.string().min(2) }),
      { a: 'x' },
      'a must be longer than or equal to 2 characters',
    ],
    [z.object({ a: z.string().length(2) }), { a: 'x' }, 'a must be exactly 2 characters long'],
    [
      z.object({ a: z.array(z.int()).max(1) }),
      { a: [1, 2] },
      'a must contain no more than 1 elements',
    ],
    [z.object({ a: z.number().multipleOf(5) }), { a: 6 }, 'a must be divisible by 5'],
    [z.object({ a: z.url() }), { a: 'x' }, 'a must be a URL address'],
    [z.object({ a: z.uuid() }), { a: 'x' }, 'a must be a UUID'],
    [z.object({ a: z.iso.datetime() }), { a: 'x' }, 'a must be a valid ISO 8601 date string'],
    [
      z.object({ a: z.string().regex(/^\d+$/) }),
      { a: 'x' },
      'a must match /^\\d+$/ regular expression',
    ],
    [z.object({ a: z.string().startsWith('ab') }), { a: 'x' }, 'a must start with "ab"'],
    [z.object({ a: z.literal('yes') }), { a: 'no' }, 'a must be equal to yes'],
    [z.object({ a: z.nanoid() }), { a: '!' }, 'a must be a valid nanoid'],
    [z.object({ a: z.union([z.string(), z.number()]) }), { a: true }, 'a is invalid'],
  ])(
    '%#: a default message becomes class-validator’s sentence',
    async (schema, value, sentence) => {
      expect(await sentences(schema, value)).toStrictEqual([sentence]);
    },
  );

  it('names a whole body that is not an object "body"', async () => {
    expect(await violationsOf(z.object({}), 'text')).toStrictEqual([
      {
        path: 'body',
        segments: ['body'],
        constraint: 'isObject',
        message: 'body must be an object',
      },
    ]);
  });

  it('says every unknown key once, nameable or not', async () => {
    const schema = z.strictObject({ items: z.array(z.strictObject({ id: z.int() })) });
    expect(await sentences(schema, { items: [{ id: 1, x: 1, 'x y': 2 }], z: 3 })).toStrictEqual([
      'property items[0].x should not exist',
      'an unexpected property in items[0] should not exist',
      'property z should not exist',
    ]);
  });

  it('keeps the author’s message, naming the path when nested (as class-validator does)', async () => {
    const schema = z.object({
      a: z.object({ zip: z.string().regex(/^\d{5}$/, 'zip has five digits') }),
      b: z.string().min(3, 'Too short, says the author'),
    });
    expect(await sentences(schema, { a: { zip: '1' }, b: 'x' })).toStrictEqual([
      'a.zip has five digits',
      'Too short, says the author',
    ]);
  });

  it('cuts a long path, and a long sentence', async () => {
    const deep = z.object({ a: z.string() });
    let schema: z.ZodType = deep;
    let value: unknown = { a: 1 };
    for (let level = 0; level < 60; level++) {
      schema = z.object({ nested_level_name: schema });
      value = { nested_level_name: value };
    }
    const [violation] = await violationsOf(schema, value);
    expect(violation.path.length).toBeLessThanOrEqual(MAX_PATH_LENGTH + 1);
    expect(violation.path.endsWith('…')).toBe(true);
    expect(violation.message.startsWith(violation.path)).toBe(true);
    const long = z.object({ a: z.string().min(2, `a ${'is wrong '.repeat(200)}`) });
    const [cut] = await violationsOf(long, { a: 'x' });
    expect(cut.message.length).toBe(MAX_SENTENCE_LENGTH + 1);
  });

  it('keeps at most 50 violations, within the text budget', async () => {
    const schema = z.object({ list: z.array(z.string()) });
    const many = await violationsOf(schema, { list: Array.from({ length: 10_000 }, () => 1) });
    expect(many.length).toBeLessThanOrEqual(MAX_VIOLATIONS);
    const text = many.reduce(
      (sum, violation) => sum + violation.path.length + violation.message.length,
      0,
    );
    expect(text).toBeLessThan(MAX_VIOLATION_TEXT + 600);
  });
});

describe('collectIssueViolations with valibot', () => {
  it.each([
    [v.object({ a: v.string() }), { a: 1 }, 'a must be a string'],
    [v.object({ a: v.pipe(v.number(), v.maxValue(5)) }), { a: 6 }, 'a must not be greater than 5'],
    [
      v.object({ a: v.pipe(v.string(), v.minLength(2)) }),
      { a: 'x' },
      'a must be longer than or equal to 2 characters',
    ],
    [
      v.object({ a: v.pipe(v.array(v.number()), v.minLength(2)) }),
      { a: [1] },
      'a must contain at least 2 elements',
    ],
    [v.object({ a: v.pipe(v.string(), v.email()) }), { a: 'secret-x' }, 'a must be an email'],
    [
      v.object({ a: v.pipe(v.string(), v.regex(/^\d+$/)) }),
      { a: 'secret-x' },
      'a must match /^\\d+$/ regular expression',
    ],
    [v.object({ a: v.literal('yes') }), { a: 'secret-x' }, 'a must be equal to yes'],
    [v.object({ a: v.picklist([1, 2]) }), { a: 3 }, 'a must be one of the following values: 1, 2'],
    [
      v.object({
        a: v.pipe(
          v.string(),
          v.check(() => false),
        ),
      }),
      { a: 'secret-x' },
      'a is invalid',
    ],
  ])(
    '%#: a default message becomes class-validator’s sentence, without the value',
    async (schema, value, sentence) => {
      const said = await sentences(schema, value);
      expect(said).toStrictEqual([sentence]);
      expect(said.join()).not.toContain('secret');
    },
  );
});

describe('collectIssueViolations with valibot’s translated messages', () => {
  afterEach(() => {
    v.deleteGlobalConfig();
    v.deleteGlobalMessage('de');
    v.deleteSpecificMessage(v.email, 'de');
  });

  it('never sends a message that repeats what valibot received', async () => {
    v.setGlobalConfig({ lang: 'de' });
    v.setSpecificMessage(v.email, (issue) => `Ungültige E-Mail: ${issue.received} erhalten`, 'de');
    v.setGlobalMessage(
      (issue) => `Ungültiger Typ: ${issue.expected} erwartet aber ${issue.received} erhalten`,
      'de',
    );
    const schema = v.object({ a: v.pipe(v.string(), v.email()), n: v.number() });
    expect(await sentences(schema, { a: 'secret-x', n: 'secret-y' })).toStrictEqual([
      'a must be an email',
      'n must be a number conforming to the specified constraints',
    ]);
  });

  it('keeps an author’s message that repeats no value', async () => {
    v.setGlobalConfig({ lang: 'de' });
    const schema = v.object({ n: v.pipe(v.number(), v.minValue(18, 'Mindestens 18 Jahre')) });
    expect(await sentences(schema, { n: 1 })).toStrictEqual(['Mindestens 18 Jahre']);
    expect(await sentences(schema, { n: 8 })).toStrictEqual(['Mindestens 18 Jahre']);
  });
});

describe('collectIssueViolations with another library', () => {
  const issues = (list: StandardSchemaIssue[], reading: 'opaque' | 'messages' = 'messages') =>
    collectIssueViolations(list, body({ a: { b: 1 } }), reading);

  it('never sends ArkType’s messages, which repeat the value', async () => {
    const schema = type({ email: 'string.email', name: 'string', '+': 'reject' });
    const said = await violationsOf(schema, { email: 'secret-x', name: 5, extra: 'secret-y' });
    expect(
      said.map(({ path, constraint, message }) => ({ path, constraint, message })),
    ).toStrictEqual([
      { path: 'email', constraint: 'invalid', message: 'email is invalid' },
      { path: 'name', constraint: 'invalid', message: 'name is invalid' },
      { path: 'extra', constraint: 'invalid', message: 'extra is invalid' },
    ]);
    expect(await sentences(schema, {})).toStrictEqual(['email is required', 'name is required']);
    expect(await sentences(schema, 'secret-x')).toStrictEqual(['body is invalid']);
  });

  it('sends the messages of a library the app listed, naming the path', async () => {
    const quiet = type({ email: type('string.email').configure({ actual: () => '' }) });
    const listed = await violationsOf(quiet, { email: 'x' }, ['arktype']);
    expect(listed.map((violation) => violation.message)).toStrictEqual([
      'email must be an email address',
    ]);
  });

  it('never reads an unknown library’s issue as zod’s or valibot’s, whatever it looks like', () => {
    const zodLike = {
      code: 'invalid_type',
      expected: 'string',
      message: 'a.b: was "secret"',
      path: ['a', 'b'],
    };
    const valibotLike = {
      kind: 'schema',
      type: 'string',
      received: '"x"',
      message: 'Invalid type: Received "x"',
      path: ['a'],
    };
    expect(issues([zodLike, valibotLike] as StandardSchemaIssue[], 'opaque')).toStrictEqual([
      { path: 'a.b', segments: ['a', 'b'], constraint: 'invalid', message: 'a.b is invalid' },
      { path: 'a', segments: ['a'], constraint: 'invalid', message: 'a is invalid' },
    ]);
  });

  it('keeps its message, naming the path, with keys or { key } segments', () => {
    expect(
      issues([
        { message: 'must be a word', path: ['a', { key: 'b' }] },
        { message: 'b is odd', path: [{ key: 'a' }, 'b'] },
      ]).map((violation) => violation.message),
    ).toStrictEqual(['a.b: must be a word', 'a.b is odd']);
  });

  it('shows keys that are no names as "?"', () => {
    const [violation] = issues([{ message: 'bad', path: ['a', Symbol('s'), -1, 1.5] }]);
    expect(violation.segments).toStrictEqual(['a', '?', '?', '?']);
  });

  it('reads at most 128 keys of a path', () => {
    const path = Array.from({ length: 100_000 }, () => 'k');
    const [violation] = issues([{ message: 'bad', path }]);
    expect(violation.segments.length).toBeLessThanOrEqual(128);
  });

  it('tells an absent value from a wrong one by the value', () => {
    for (const reading of ['opaque', 'messages'] as const) {
      expect(issues([{ message: 'wanted', path: ['a', 'missing'] }], reading)[0].message).toBe(
        'a.missing is required',
      );
    }
  });

  it('ignores what is not an issue', () => {
    expect(issues([null, 5, { message: 'x' }] as never)).toHaveLength(1);
  });
});

describe('issueReadingOf and messageVendorsOf', () => {
  it('read by the vendor: zod, valibot, a listed library, any other', () => {
    const listed = new Set(['arktype']);
    expect(issueReadingOf('zod', listed)).toBe('zod');
    expect(issueReadingOf('valibot', listed)).toBe('valibot');
    expect(issueReadingOf('arktype', listed)).toBe('messages');
    expect(issueReadingOf('arktype', new Set())).toBe('opaque');
    expect(issueReadingOf(undefined, listed)).toBe('opaque');
    expect(issueReadingOf(5, new Set(['5']))).toBe('opaque');
  });

  it('accept a list of names, and refuse anything else at start-up', () => {
    expect(messageVendorsOf(undefined, 'X')).toStrictEqual(new Set());
    expect(messageVendorsOf(['arktype'], 'X')).toStrictEqual(new Set(['arktype']));
    for (const wrong of ['arktype', [''], [5], {}, null]) {
      expect(() => messageVendorsOf(wrong, 'X')).toThrow(
        'X: "schemaMessageVendors" must be a list of Standard Schema library names',
      );
    }
  });
});

describe('standardSchemaExceptionFactory', () => {
  it('makes 400 / 88 without the value, telling absent fields by what the library says', async () => {
    const schema = z.object({ items: z.array(z.object({ id: z.int(), qty: z.int().min(1) })) });
    const result = await schema['~standard'].validate({ items: [{ qty: 0 }] });
    const error = standardSchemaExceptionFactory({ allErrors: true, vendor: 'zod' })(
      result.issues ?? [],
    );
    expect(error.getStatus()).toBe(400);
    expect(error.description).toStrictEqual([
      'items[0].id is required',
      'items[0].qty must not be less than 1',
    ]);
    const valibot = v.object({ id: v.number() });
    const failed = await valibot['~standard'].validate({});
    expect(
      standardSchemaExceptionFactory({ vendor: 'valibot' })(failed.issues ?? []).description,
    ).toBe('id is required');
  });

  it('names an issue about the whole value "value"', async () => {
    const result = await z.string()['~standard'].validate(5);
    expect(standardSchemaExceptionFactory({ vendor: 'zod' })(result.issues ?? []).description).toBe(
      'value must be a string',
    );
  });

  it('not told the library, describes every failure as invalid', async () => {
    const result = await z.object({ a: z.string().min(2, 'Too short') })['~standard'].validate({});
    expect(standardSchemaExceptionFactory()(result.issues ?? []).description).toBe('a is invalid');
    const ark = await type({ a: 'string.email' })['~standard'].validate({ a: 'secret-x' });
    const listed = standardSchemaExceptionFactory({
      vendor: 'arktype',
      schemaMessageVendors: ['arktype'],
    });
    expect(listed(ark.issues ?? []).description).toBe(
      'a must be an email address (was "secret-x")',
    );
    expect(
      standardSchemaExceptionFactory({ vendor: 'arktype' })(ark.issues ?? []).description,
    ).toBe('a is invalid');
  });
});
