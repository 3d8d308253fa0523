import type { ArgumentMetadata } from '@nestjs/common';
import { z } from 'zod';
import { InvalidParameterError } from '../exceptions/invalid-parameter.error.js';
import { ApiValidationPipe } from './api-validation.pipe.js';

function nested(depth: number): unknown {
  let value: unknown = {};
  for (let level = 1; level < depth; level++) value = { a: value };
  return value;
}

class Dto {}

async function failureOf(promise: Promise<unknown>): Promise<InvalidParameterError> {
  const error: unknown = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InvalidParameterError);
  return error as InvalidParameterError;
}

describe('ApiValidationPipe', () => {
  const pipe = new ApiValidationPipe();

  it.each([
    ['body', 'Request body is nested too deeply (more than 64 levels)'],
    ['query', 'Query string is nested too deeply (more than 64 levels)'],
    ['param', 'Path parameter is nested too deeply (more than 64 levels)'],
  ] as const)(
    'names the %s when it is nested too deeply, with a DTO or a schema',
    async (type, sentence) => {
      const dto = await failureOf(pipe.transform(nested(65), { type, metatype: Dto }));
      expect(dto.description).toBe(sentence);
      const schema = await failureOf(
        pipe.transform(nested(65), { type, schema: z.object({}) } as ArgumentMetadata),
      );
      expect(schema.description).toBe(sentence);
    },
  );

  it('leaves custom decorators alone unless asked, as Nest does', async () => {
    const value = nested(1000);
    await expect(pipe.transform(value, { type: 'custom', metatype: Dto })).resolves.toBe(value);
    await expect(
      pipe.transform(value, { type: 'custom', schema: z.string() } as ArgumentMetadata),
    ).resolves.toBe(value);
    const strict = new ApiValidationPipe({ validateCustomDecorators: true });
    const error = await failureOf(
      strict.transform(1, { type: 'custom', schema: z.string() } as ArgumentMetadata),
    );
    expect(error.description).toBe('value must be a string');
  });

  it("returns the schema's output, or the value as it came with transform: false", async () => {
    const metadata = {
      type: 'query',
      data: 'limit',
      schema: z.coerce.number(),
    } as ArgumentMetadata;
    await expect(pipe.transform('5', metadata)).resolves.toBe(5);
    await expect(
      new ApiValidationPipe({ transform: false }).transform('5', metadata),
    ).resolves.toBe('5');
  });

  it('ignores a schema that is no Standard Schema', async () => {
    const metadata = { type: 'body', schema: { parse: () => 1 } } as unknown as ArgumentMetadata;
    await expect(pipe.transform({ a: 1 }, metadata)).resolves.toStrictEqual({ a: 1 });
  });

  it('with classValidator: false, lets a DTO parameter through untouched', async () => {
    const value = { anything: nested(1000) };
    await expect(
      new ApiValidationPipe({ classValidator: false }).transform(value, {
        type: 'body',
        metatype: Dto,
      }),
    ).resolves.toBe(value);
  });
});
