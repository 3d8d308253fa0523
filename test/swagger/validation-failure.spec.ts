import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  type ApiValidationPipeOptions,
  ApiValidationPipe,
  InvalidParameterError,
} from 'nestjs-api-errors';
import type { InputLocation } from '../../src/swagger/route-facts.js';
import { firstRuleFailure } from '../../src/swagger/validation-failure.js';

class NameDto {
  @MinLength(3)
  @IsString()
  name: string;

  @IsInt()
  age: number;
}

class WholeDto {
  @IsInt({ message: (args) => `${args.property} must be whole, not ${typeof args.value}` })
  @Min(0)
  count: number;
}

class IdsDto {
  @IsInt({ each: true })
  ids: number[];
}

class BaseItem {
  @IsInt()
  @Min(1)
  product_id: number;
}

class GiftItem extends BaseItem {
  @IsString()
  @MaxLength(20)
  message: string;
}

class Address {
  @IsString()
  street: string;
}

class PersonDto {
  @ValidateNested()
  @Type(() => Address)
  address: Address;
}

class KindQuery {
  @IsOptional()
  @IsIn(['a', 'b'])
  kind?: string;
}

class CodeParams {
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits your authenticator app shows' })
  code: string;
}

class GroupedDto {
  @IsString({ groups: ['create'] })
  @MaxLength(3, { groups: ['update'] })
  title: string;
}

/**
 * What the real pipe answers for the value the document names (the other
 * fields valid), and what the document shows: they must be the same.
 */
async function compare(
  type: new () => object,
  location: InputLocation,
  validFields: Record<string, unknown>,
  options: ApiValidationPipeOptions = {},
) {
  const documented = firstRuleFailure({ location, type }, options);
  expect(documented?.exception).toBeInstanceOf(InvalidParameterError);
  const named = / has ([\w.]+) = (.+)$/.exec(documented!.variant!.label);
  expect(named).not.toBeNull();
  const [, field, value] = named!;
  const pipe = new ApiValidationPipe(options);
  const real = await pipe
    .transform({ ...validFields, [field]: JSON.parse(value) }, { type: location, metatype: type })
    .then(
      () => undefined,
      (error: unknown) => error,
    );
  expect(real).toBeInstanceOf(InvalidParameterError);
  const pick = (error: unknown) => {
    const { description, violations } = error as InvalidParameterError;
    return { description, violations };
  };
  expect(pick(documented!.exception)).toStrictEqual(pick(real));
  return pick(real);
}

describe('the documented validation failure is what ApiValidationPipe answers', () => {
  it('for a default message with a constraint, the first rule being the first written', async () => {
    const { description } = await compare(NameDto, 'body', { age: 30 });
    expect(description).toBe('name must be longer than or equal to 3 characters');
  });

  it('for a message function', async () => {
    const { description } = await compare(WholeDto, 'body', {});
    expect(description).toBe('count must be whole, not number');
  });

  it('for a rule on each item', async () => {
    const { description } = await compare(IdsDto, 'body', {});
    expect(description).toBe('each value in ids must be an integer number');
  });

  it('for a class with a parent, whose own fields class-validator checks first', async () => {
    const { violations } = await compare(GiftItem, 'body', { product_id: 1 });
    expect(violations!.map((violation) => violation.constraint)).toStrictEqual([
      'isString',
      'maxLength',
    ]);
  });

  it('for a nested object that is not one', async () => {
    const { description } = await compare(PersonDto, 'body', {});
    expect(description).toBe('nested property address must be either object or array');
  });

  it('for an optional query parameter, located in the query', async () => {
    const { violations } = await compare(KindQuery, 'query', {});
    expect(violations![0]).toMatchObject({
      path: 'kind',
      location: 'query',
      message: 'kind must be one of the following values: a, b',
    });
  });

  it('for a path parameter with its own message', async () => {
    await compare(CodeParams, 'param', {});
  });

  it('with allErrors, every sentence of the field', async () => {
    const { description } = await compare(GiftItem, 'body', { product_id: 1 }, { allErrors: true });
    expect(description).toStrictEqual([
      'message must be a string',
      'message must be shorter than or equal to 20 characters',
    ]);
  });

  it('with validation groups, the rules of those groups only', async () => {
    const { description } = await compare(
      GroupedDto,
      'body',
      {},
      {
        groups: ['update'],
      },
    );
    expect(description).toBe('title must be shorter than or equal to 3 characters');
  });

  it('names the value it was found with', () => {
    expect(firstRuleFailure({ location: 'body', type: NameDto }, {})?.variant).toStrictEqual({
      name: 'body_validation',
      label: 'the body has name = "x"',
    });
  });
});
