import type { ValidationError } from '@nestjs/common';
import { collectViolations } from './collect-violations.js';
import { fieldPath } from './field-names.js';

const leaf = (
  property: string,
  value: unknown,
  constraints: Record<string, string>,
): ValidationError => ({
  property,
  value,
  constraints,
  children: [],
});

describe('collectViolations', () => {
  it('turns a missing field into one "is required" violation', () => {
    expect(
      collectViolations([leaf('product_id', undefined, { min: 'x', isInt: 'y' })]),
    ).toStrictEqual([
      {
        path: 'product_id',
        segments: ['product_id'],
        constraint: 'required',
        message: 'product_id is required',
      },
    ]);
  });

  it('lists a field’s failed rules in the order the DTO declares them', () => {
    const violations = collectViolations([
      leaf('quantity', 'abc', {
        min: 'quantity must not be less than 1',
        isInt: 'quantity must be an integer number',
      }),
    ]);
    expect(violations.map((v) => v.constraint)).toStrictEqual(['isInt', 'min']);
  });

  it('names nested fields by path, rewriting the field name in the sentence', () => {
    const errors: ValidationError[] = [
      {
        property: 'items',
        children: [
          {
            property: '1',
            children: [leaf('quantity', -1, { min: 'quantity must not be less than 1' })],
          },
        ],
      },
    ];
    expect(collectViolations(errors)).toStrictEqual([
      {
        path: 'items[1].quantity',
        segments: ['items', 1, 'quantity'],
        constraint: 'min',
        message: 'items[1].quantity must not be less than 1',
      },
    ]);
  });

  it('puts the path in front of a sentence that does not name the field', () => {
    const errors: ValidationError[] = [
      { property: 'address', children: [leaf('zip', '1', { matches: 'Use five digits' })] },
    ];
    expect(collectViolations(errors)[0].message).toBe('address.zip: Use five digits');
  });

  it('does not rewrite a longer word that contains the field name', () => {
    const errors: ValidationError[] = [
      {
        property: 'a',
        children: [leaf('id', 'x', { isInt: 'id must be an integer; ids are numbers' })],
      },
    ];
    expect(collectViolations(errors)[0].message).toBe('a.id must be an integer; ids are numbers');
  });

  it('keeps nested validation after the field’s own rules', () => {
    const violations = collectViolations([
      leaf('items', 'x', { nestedValidation: 'n', arrayMinSize: 'a', isArray: 'i' }),
    ]);
    expect(violations.map((v) => v.constraint)).toStrictEqual([
      'isArray',
      'arrayMinSize',
      'nestedValidation',
    ]);
  });

  it("rephrases Nest's stand-in for a body that is not an object", () => {
    expect(
      collectViolations([
        {
          property: 'body',
          constraints: { isObject: 'Validation failed (object is expected)' },
          children: [],
        },
      ])[0].message,
    ).toBe('body must be an object');
  });
});

describe('fieldPath', () => {
  it.each([
    [['a'], 'a'],
    [['a', 'b'], 'a.b'],
    [['items', 0, 'quantity'], 'items[0].quantity'],
    [['grid', 1, 2], 'grid[1][2]'],
  ])('%j -> %s', (segments, path) => {
    expect(fieldPath(segments).path).toBe(path);
  });
});

describe('collectViolations with one message for two rules', () => {
  it('says it once', () => {
    const violations = collectViolations([
      leaf('id', 'abc', {
        min: 'id must be a positive integer',
        isInt: 'id must be a positive integer',
      }),
    ]);
    expect(violations.map((v) => [v.constraint, v.message])).toStrictEqual([
      ['isInt', 'id must be a positive integer'],
    ]);
  });
});
