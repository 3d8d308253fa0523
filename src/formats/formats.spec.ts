import {
  AppError,
  createErrorCodeFormat,
  createErrorFormat,
  createFlatFormat,
  createProblemFormat,
  defineError,
  ERR_INVALID_PARAMETER,
  ErrorReasons,
} from '../index.js';

const ERR_OUT_OF_STOCK = defineError({ status: 409, code: 32, title: 'Out Of Stock' });
const context = { method: 'POST', url: '/cart/items?x=1', requestId: 'r1' };

describe('built-in formats with tables of your own', () => {
  it('flat: an entry of your own replaces the status-derived one', () => {
    const flat = createFlatFormat({
      entries: new Map([[ERR_OUT_OF_STOCK, { status: 409, code: 'OUT_OF_STOCK' }]]),
    });
    expect(
      flat.render({ definition: ERR_OUT_OF_STOCK, description: 'Only 3 left' }, context),
    ).toStrictEqual({
      status: 409,
      body: { code: 'OUT_OF_STOCK', message: 'Out Of Stock: Only 3 left', request_id: 'r1' },
    });
  });

  it('error: a reason of your own, with its fixed message', () => {
    const format = createErrorFormat({
      reasons: { cart_locked: { status: 423, code: 'CART_LOCKED', message: 'Cart locked' } },
    });
    const error = new AppError(ERR_OUT_OF_STOCK, 'ignored', { reason: 'cart_locked' });
    expect(
      format.render(
        { definition: error.definition, description: error.description, reason: error.reason },
        context,
      ),
    ).toStrictEqual({
      status: 423,
      body: { error: { code: 'CART_LOCKED', message: 'Cart locked' } },
    });
  });

  it('error_code: an entry of your own', () => {
    const format = createErrorCodeFormat({
      entries: new Map([[ERR_OUT_OF_STOCK, { status: 409, code: 4 }]]),
    });
    expect(format.render({ definition: ERR_OUT_OF_STOCK }, context).body).toStrictEqual({
      error_code: 4,
      error_message: 'Invalid parameter value',
      details: null,
    });
  });

  it('problem: the type base URI, and a string code used as the slug', () => {
    const problem = createProblemFormat({ typeBaseUri: 'https://api.example.com/problems/' });
    const outOfCredit = defineError({
      status: 403,
      code: 'out-of-credit',
      title: 'You do not have enough credit.',
    });
    expect(
      problem.render(
        {
          definition: outOfCredit,
          description: 'Your current balance is 30, but that costs 50.',
          extras: { balance: 30 },
        },
        context,
      ),
    ).toStrictEqual({
      status: 403,
      body: {
        type: 'https://api.example.com/problems/out-of-credit',
        title: 'You do not have enough credit.',
        status: 403,
        detail: 'Your current balance is 30, but that costs 50.',
        instance: '/cart/items',
        code: 'out-of-credit',
        request_id: 'r1',
        balance: 30,
      },
    });
  });

  it('problem: escapes JSON pointer segments', () => {
    const problem = createProblemFormat();
    const { body } = problem.render(
      {
        definition: ERR_INVALID_PARAMETER,
        reason: ErrorReasons.VALIDATION_FAILED,
        violations: [
          {
            path: 'a/b.c~d',
            segments: ['a/b', 'c~d'],
            constraint: 'isInt',
            message: 'm',
            location: 'body',
          },
        ],
      },
      context,
    );
    expect((body as { errors: unknown }).errors).toStrictEqual([
      { detail: 'm', pointer: '#/a~1b/c~0d' },
    ]);
  });
});
