import { send } from '../../helpers/http-client.js';
import { startApp } from '../scratch-app.js';
import { meta, type SmokeCheck } from './smoke-check.js';

export const TESTING_MODULE_CHECKS: readonly SmokeCheck[] = [
  {
    name: 'built with @nestjs/testing, a malformed JSON body gets the same sentence',
    appliesTo: (app) => app.extraEntries?.includes('testing-module.ts') ?? false,
    run: async ({ dir }) => {
      const app = await startApp(dir, 'testing-module.ts', { NODE_ENV: 'production' });
      try {
        const res = await send(app.url, {
          method: 'POST',
          path: '/echo',
          headers: { 'content-type': 'application/json' },
          body: 'password=hunter2',
        });
        expect(res.status).toBe(400);
        expect(res.json()).toStrictEqual(
          meta(88, 'Invalid Parameter', 'Request body is not valid JSON'),
        );
      } finally {
        await app.stop();
      }
    },
  },
];
