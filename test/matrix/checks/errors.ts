import { send } from '../../helpers/http-client.js';
import { meta, type SmokeCheck } from './smoke-check.js';

export const ERROR_CHECKS: readonly SmokeCheck[] = [
  {
    name: 'a thrown catalog error -> its status, code and description',
    run: async ({ url }) => {
      const res = await send(url, { path: '/users/42' });
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.json()).toStrictEqual(
        meta(21, 'User Not Exists', 'No account found with this email'),
      );
    },
  },
  {
    name: 'a non-Error throw in production -> 500 / 500 without description',
    run: async ({ url }) => {
      const res = await send(url, { path: '/crash' });
      expect(res.status).toBe(500);
      expect(res.json()).toStrictEqual(meta(500, 'Unknown Error'));
    },
  },
  {
    name: 'an unknown route -> 404 / 10 naming method and path',
    run: async ({ url }) => {
      const res = await send(url, { method: 'DELETE', path: '/api/v2/product/123?x=1' });
      expect(res.status).toBe(404);
      expect(res.json()).toStrictEqual(
        meta(10, 'Not Supported', 'method: DELETE, url: /api/v2/product/123'),
      );
    },
  },
  {
    name: 'forRootAsync with an injected service: its statusMap applies',
    appliesTo: (app) => app.sources.includes('errors.config.ts'),
    run: async ({ url }) => {
      const res = await send(url, { path: '/admin' });
      expect(res.status).toBe(403);
      expect(res.json()).toStrictEqual(meta(43, 'Permission Denied', 'Admins only'));
    },
  },
];
