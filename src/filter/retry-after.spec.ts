import { definitionForStatus } from '../catalog/status-definitions.js';
import type { ErrorReport } from '../report/error-report.interface.js';
import { MAX_RETRY_AFTER_SECONDS, settleRetryAfter } from './retry-after.js';

const TOO_MANY: ErrorReport = { definition: definitionForStatus(429) };
const waitFor = (header: unknown) => settleRetryAfter(TOO_MANY, header, 60).retryAfter;

describe('settleRetryAfter, from a Retry-After header already on the response', () => {
  it('reads seconds as text (Express) or as a number (Fastify)', () => {
    expect(waitFor('12')).toBe(12);
    expect(waitFor(' 12 ')).toBe(12);
    expect(waitFor(12)).toBe(12);
    expect(waitFor('2.5')).toBe(2.5);
  });

  it('reads an HTTP date as the seconds left until it, and 0 once it has passed', () => {
    vi.useFakeTimers({ now: Date.parse('2030-01-01T00:00:00Z') });
    try {
      expect(waitFor('Tue, 01 Jan 2030 00:00:30 GMT')).toBe(30);
      expect(waitFor('Tue, 01 Jan 2030 00:00:00 GMT')).toBe(0);
      expect(waitFor('Wed, 21 Oct 2015 07:28:00 GMT')).toBe(0);
      expect(waitFor('Fri, 01 Jan 2100 00:00:00 GMT')).toBe(MAX_RETRY_AFTER_SECONDS);
    } finally {
      vi.useRealTimers();
    }
  });

  it.each([
    '-5',
    '.5',
    '0x10',
    '1e3',
    'NaN',
    '',
    '2030-01-01',
    'Tue, 01 Jan 2030',
    'Xyz, 99 Foo 2030 99:99:99 GMT',
    -5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    ['5'],
    undefined,
  ])('falls back to the default for %j', (header) => {
    expect(waitFor(header)).toBe(60);
  });

  it('caps a huge number of seconds at a day', () => {
    expect(waitFor('9'.repeat(400))).toBe(MAX_RETRY_AFTER_SECONDS);
  });
});
