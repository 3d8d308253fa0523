import { ErrorsModule, type ErrorFormatName } from 'nestjs-api-errors';
import { EdgesController, ERR_ORDER_LOCKED } from '../fixtures/edges/edges.controller.js';
import { send } from '../helpers/http-client.js';
import { ADAPTERS, createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * `new HttpException('Order 7 is being edited', 409, { errorCode: 'ORDER_LOCKED' })`,
 * with `errorCodes: { ORDER_LOCKED: ERR_ORDER_LOCKED }` (423 / 61), and an
 * unmapped `QUOTA_EXCEEDED` on a 429.
 */
const EXPECTED: Record<
  ErrorFormatName,
  { mapped: [number, unknown]; unmapped: [number, unknown] }
> = {
  meta: {
    mapped: [
      423,
      { meta: { code: 61, message: 'Order Locked', description: 'Order 7 is being edited' } },
    ],
    unmapped: [
      429,
      { meta: { code: 429, message: 'Too Many Requests', description: 'Quota used up' } },
    ],
  },
  error_code: {
    mapped: [423, { error_code: 0, error_message: 'Order 7 is being edited', details: null }],
    unmapped: [429, { error_code: 0, error_message: 'Quota used up', details: null }],
  },
  error: {
    mapped: [423, { error: { code: 'ORDER_LOCKED', message: 'Order 7 is being edited' } }],
    unmapped: [
      429,
      { error: { code: 'QUOTA_EXCEEDED', message: 'Quota used up', retry_after: 60 } },
    ],
  },
  flat: {
    mapped: [423, { code: 'ORDER_LOCKED', message: 'Order Locked: Order 7 is being edited' }],
    unmapped: [429, { code: 'QUOTA_EXCEEDED', message: 'Rate limit exceeded: Quota used up' }],
  },
  problem: {
    mapped: [
      423,
      {
        type: 'urn:problem-type:order-locked',
        title: 'Order Locked',
        status: 423,
        detail: 'Order 7 is being edited',
        instance: '/edges/error-code',
        code: 'ORDER_LOCKED',
      },
    ],
    unmapped: [
      429,
      {
        type: 'about:blank',
        title: 'Too Many Requests',
        status: 429,
        detail: 'Quota used up',
        instance: '/edges/error-code-unmapped',
        code: 'QUOTA_EXCEEDED',
      },
    ],
  },
};

describe.each(ADAPTERS)("an HttpException's errorCode (%s)", (adapter) => {
  describe.each(Object.keys(EXPECTED) as ErrorFormatName[])('%s format', (format) => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(adapter, {
        imports: [
          ErrorsModule.forRoot({
            format,
            errorCodes: { ORDER_LOCKED: ERR_ORDER_LOCKED },
            requestIdHeader: false,
            logClientErrors: true,
          }),
        ],
        controllers: [EdgesController],
      });
    });
    afterAll(() => t.close());

    it('renders the entry errorCodes maps it to, and string-code formats send it', async () => {
      const res = await send(t.url, { path: '/edges/error-code' });
      expect([res.status, res.json()]).toStrictEqual(EXPECTED[format].mapped);
    });

    it('is never lost when unmapped: string-code formats send it, and the log names it', async () => {
      t.logger.clear();
      const res = await send(t.url, { path: '/edges/error-code-unmapped' });
      expect([res.status, res.json()]).toStrictEqual(EXPECTED[format].unmapped);
      expect(t.logger.fromFilter('warn').join('\n')).toContain('QUOTA_EXCEEDED');
    });
  });
});
