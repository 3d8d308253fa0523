import { ERR_USER_NOT_EXISTS } from 'nestjs-api-errors';
import { type ApiErrorEntry, ApiErrors } from 'nestjs-api-errors/swagger';
import { API_ERRORS, type DocumentedEntry } from '../../src/swagger/api-errors.decorator.js';

/** What the decorator records on a handler. */
function recorded(...entries: ApiErrorEntry[]): readonly DocumentedEntry[] {
  const handler = () => undefined;
  ApiErrors(...entries)({}, 'handler', { value: handler });
  return Reflect.getMetadata(API_ERRORS, handler) as readonly DocumentedEntry[];
}

describe('@ApiErrors()', () => {
  it('records an entry with its description and the wait it is thrown with', () => {
    expect(
      recorded(ERR_USER_NOT_EXISTS, [ERR_USER_NOT_EXISTS, 'Gone', { retryAfter: 0 }]),
    ).toStrictEqual([
      { definition: ERR_USER_NOT_EXISTS },
      { definition: ERR_USER_NOT_EXISTS, description: 'Gone', retryAfter: 0 },
    ]);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY, '5'])(
    'refuses the wait %s, naming the entry',
    (retryAfter) => {
      expect(() =>
        recorded(ERR_USER_NOT_EXISTS, [
          ERR_USER_NOT_EXISTS,
          'Gone',
          { retryAfter } as unknown as { retryAfter: number },
        ]),
      ).toThrow(
        `@ApiErrors() entry 2: retryAfter must be a number of seconds, 0 or more, got ${String(retryAfter)}`,
      );
    },
  );

  it('refuses options that are not an object, and a description that is not one', () => {
    expect(() =>
      recorded([ERR_USER_NOT_EXISTS, 'Gone', 5 as unknown as { retryAfter: number }]),
    ).toThrow('@ApiErrors() entry 1: the options must be an object');
    expect(() => recorded([ERR_USER_NOT_EXISTS, 5 as unknown as string])).toThrow(
      '@ApiErrors() entry 1: the description must be a string, an array of strings or an object',
    );
  });
});
