import { walkThrough } from '../../sample/client/shop-client.js';
import { ADAPTERS } from '../helpers/test-app.js';
import { startSample } from './start-sample.js';

describe.each(ADAPTERS)("the sample's client against the running sample (%s)", (adapter) => {
  it('logs in, retries the flaky 503 twice, and handles a 99 by logging in again', async () => {
    const { t, stop } = await startSample(adapter);
    try {
      const lines: string[] = [];
      await walkThrough({ baseUrl: t.url, log: (line) => lines.push(line) });
      const flaky = /^\/api\/v2\/demo\/flaky-status\?key=walk-through-\d+: /;
      expect(lines.map((line) => line.replace(flaky, 'flaky: '))).toStrictEqual([
        'logged in as alice@example.com',
        'GET /api/v2/me: alice@example.com',
        'flaky: attempt 1 answered 503, retrying in 1000 ms',
        'flaky: attempt 2 answered 503, retrying in 1000 ms',
        'GET /api/v2/demo/flaky-status: ok after 3 calls',
        '/api/v2/me: 401 / 99 (Your session has expired. Please log in again.) - logging in again',
        'logged in as alice@example.com',
        'GET /api/v2/me: alice@example.com',
        'POST /api/v2/cart/items: 409 / 32, give-up: Only 3 left of Green Tea',
      ]);
    } finally {
      await stop();
    }
  });
});
