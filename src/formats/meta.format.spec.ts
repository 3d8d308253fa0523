import { ERR_INVALID_PARAMETER, ERR_UNKNOWN, metaFormat } from '../index.js';

const context = { method: 'GET', url: '/x' };

describe('metaFormat', () => {
  it("renders the seed's validation example", () => {
    expect(
      metaFormat.render(
        { definition: ERR_INVALID_PARAMETER, description: 'product_id is required' },
        context,
      ),
    ).toStrictEqual({
      status: 400,
      body: {
        meta: { code: 88, message: 'Invalid Parameter', description: 'product_id is required' },
      },
    });
  });

  it('leaves description out when there is none', () => {
    const { body } = metaFormat.render({ definition: ERR_UNKNOWN }, context);
    expect(JSON.stringify(body)).toBe('{"meta":{"code":500,"message":"Unknown Error"}}');
  });
});
