import {
  fieldPath,
  MAX_PATH_LENGTH,
  segmentOf,
  segmentOfKey,
  sentenceNaming,
  unexpectedPropertySentence,
} from './field-names.js';

describe('segmentOf', () => {
  it.each([
    ['0', 0],
    ['12', 12],
    ['012', '?'],
    ['is_admin', 'is_admin'],
    ['isAdmin', 'isAdmin'],
    ['is-admin', 'is-admin'],
    ['$ref', '$ref'],
    ['prénom', 'prénom'],
    ['имя', 'имя'],
    ['', '?'],
    ['is admin', '?'],
    ['user.role', '?'],
    ['a"b', '?'],
    ['-x', '?'],
    ['{"password":"hunter2"}', '?'],
    ['a\u2028b', '?'],
  ])('%j -> %j', (name, segment) => {
    expect(segmentOf(name)).toBe(segment);
  });

  it('cuts a long name after 64 characters', () => {
    expect(segmentOf('k'.repeat(1_000_000))).toBe(`${'k'.repeat(64)}…`);
  });

  it('does not name a long name whose first 64 characters are no name', () => {
    expect(segmentOf(`${'k'.repeat(10)} ${'k'.repeat(100)}`)).toBe('?');
  });
});

describe('segmentOfKey', () => {
  it.each([
    [3, 3],
    [-1, '?'],
    [1.5, '?'],
    [2 ** 40, '?'],
    ['name', 'name'],
    [Symbol('x'), '?'],
  ])('%s -> %j', (key, segment) => {
    expect(segmentOfKey(key)).toBe(segment);
  });
});

describe('fieldPath', () => {
  it('names nested fields and items', () => {
    expect(fieldPath(['items', 1, 'quantity'])).toStrictEqual({
      path: 'items[1].quantity',
      segments: ['items', 1, 'quantity'],
    });
  });

  it('cuts a path after 256 characters, keeping the segments it names', () => {
    const segments = Array.from({ length: 100 }, () => 'children');
    const { path, segments: kept } = fieldPath(segments);
    expect(path.length).toBeLessThanOrEqual(MAX_PATH_LENGTH + 1);
    expect(path.endsWith('…')).toBe(true);
    expect(path).toBe(`${kept.join('.')}…`);
  });
});

describe('sentenceNaming', () => {
  it('keeps a top-level field’s message as it is', () => {
    expect(sentenceNaming('quantity must be positive', 'quantity', 'quantity', 'quantity')).toBe(
      'quantity must be positive',
    );
  });

  it('replaces the first whole-word mention with the path', () => {
    expect(sentenceNaming('id must be an integer; ids are numbers', 'id', 'id', 'a.id')).toBe(
      'a.id must be an integer; ids are numbers',
    );
  });

  it('does not take a mention inside a path or a longer word', () => {
    expect(sentenceNaming('x.id and idx are wrong', 'id', 'id', 'a.id')).toBe(
      'a.id: x.id and idx are wrong',
    );
  });

  it('puts the path in front of a message that does not name the field', () => {
    expect(sentenceNaming('Use five digits', 'zip', 'zip', 'address.zip')).toBe(
      'address.zip: Use five digits',
    );
  });

  it('names an item by its index', () => {
    expect(sentenceNaming('0 must be a string, not 10', '0', 0, 'tags[0]')).toBe(
      'tags[0] must be a string, not 10',
    );
  });

  it('never repeats a name that is not shown', () => {
    const name = '{"password":"hunter2"}';
    expect(sentenceNaming(`${name} must be a number`, name, '?', 'prices.?')).toBe(
      'prices.? must be a number',
    );
    expect(sentenceNaming(`value of ${name} is wrong`, name, '?', 'prices.?')).toBe(
      'prices.? is invalid',
    );
    expect(sentenceNaming(`${name} differs from ${name}`, name, '?', '?')).toBe('? is invalid');
  });

  it('handles names that are special in regular expressions as plain text', () => {
    const name = `${'('.repeat(40_000)}`;
    expect(sentenceNaming(`${name} must be a string`, name, '?', '?')).toBe('? must be a string');
  });
});

describe('unexpectedPropertySentence', () => {
  it('names a plausible property', () => {
    expect(unexpectedPropertySentence(fieldPath([]), fieldPath(['is_admin']))).toBe(
      'property is_admin should not exist',
    );
  });

  it('says "an unexpected property" for one that is not named', () => {
    expect(unexpectedPropertySentence(fieldPath([]), fieldPath(['?']))).toBe(
      'an unexpected property should not exist',
    );
    expect(unexpectedPropertySentence(fieldPath(['items', 0]), fieldPath(['items', 0, '?']))).toBe(
      'an unexpected property in items[0] should not exist',
    );
  });
});
