import { send } from '../../helpers/http-client.js';
import { meta, type SmokeCheck } from './smoke-check.js';

const TOKEN_REQUIRED =
  'A bearer token is required: send the header "Authorization: Bearer <token>"';
const SESSION_EXPIRED = 'Your session has expired. Kindly logout and login';

export const AUTH_CHECKS: readonly SmokeCheck[] = [
  {
    name: 'TwoFactorAuthGuard: no token -> 401 / 99',
    run: async ({ url }) => {
      const res = await send(url, { path: '/me' });
      expect(res.status).toBe(401);
      expect(res.json()).toStrictEqual(meta(99, 'Authentication Required', TOKEN_REQUIRED));
    },
  },
  {
    name: 'TwoFactorAuthGuard: a 2f. token of a user without two-factor -> 401 / 99',
    run: async ({ url }) => {
      const res = await send(url, {
        path: '/me',
        headers: { authorization: 'Bearer 2f.alice-token' },
      });
      expect(res.status).toBe(401);
      expect(res.json()).toStrictEqual(meta(99, 'Authentication Required', SESSION_EXPIRED));
    },
  },
  {
    name: 'TwoFactorAuthGuard: a matching token passes, @CurrentUser() gives the user',
    run: async ({ url }) => {
      const res = await send(url, {
        path: '/me',
        headers: { authorization: 'Bearer alice-token' },
      });
      expect(res.status).toBe(200);
      expect(res.json()).toStrictEqual({ email: 'alice@example.com' });
    },
  },
];
