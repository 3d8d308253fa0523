import { frameworkMakesRequestIds, newRequestId, traceIdOf } from './request-id.js';

describe('newRequestId', () => {
  it('makes version 4 UUIDs, all different, across refills of its random bytes', () => {
    const ids = Array.from({ length: 2000 }, () => newRequestId());
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('traceIdOf', () => {
  const id = '4bf92f3577b34da6a3ce929d0e0e4736';
  it.each([
    [`00-${id}-00f067aa0ba902b7-01`, id],
    [`01-${id}-00f067aa0ba902b7-01-future`, id],
    [`ff-${id}-00f067aa0ba902b7-01`, undefined],
    [`00-${'0'.repeat(32)}-00f067aa0ba902b7-01`, undefined],
    [`00-${id}-00f067aa0ba902b7-01-extra`, undefined],
    [`00-${id.toUpperCase()}-00f067aa0ba902b7-01`, undefined],
    ['garbage', undefined],
    [['00', id], undefined],
    [undefined, undefined],
  ])('%j -> %s', (header, expected) => {
    expect(traceIdOf(header)).toBe(expected);
  });
});

describe('frameworkMakesRequestIds', () => {
  it("tells Fastify's default counter from an id generator the app chose", () => {
    expect(frameworkMakesRequestIds({ genReqId: function defaultGenReqId() {} })).toBe(false);
    expect(frameworkMakesRequestIds({ genReqId: () => 'x' })).toBe(true);
    expect(frameworkMakesRequestIds({})).toBe(false);
  });
});
