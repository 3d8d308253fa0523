import { sendJson } from '../../helpers/http-client.js';
import { meta, type SmokeCheck } from './smoke-check.js';

export const VALIDATION_CHECKS: readonly SmokeCheck[] = [
  {
    name: 'a failing DTO -> 400 / 88 with the rule message',
    appliesTo: (app) => app.validation,
    run: async ({ url }) => {
      const res = await sendJson(url, 'POST', '/orders', { quantity: -1 });
      expect(res.status).toBe(400);
      expect(res.json()).toStrictEqual(
        meta(88, 'Invalid Parameter', 'quantity must be a positive integer'),
      );
    },
  },
  {
    name: 'a valid DTO arrives as an instance, transformed',
    appliesTo: (app) => app.validation,
    run: async ({ url }) => {
      const res = await sendJson(url, 'POST', '/orders', { quantity: '2' });
      expect(res.status).toBe(201);
      expect(res.json()).toStrictEqual({ quantity: 2, isDto: true });
    },
  },
  {
    name: 'validation: false without class-validator installed: bodies reach handlers as sent',
    appliesTo: (app) => !app.validation,
    run: async ({ url }) => {
      const res = await sendJson(url, 'POST', '/echo', { quantity: -1, extra: true });
      expect(res.status).toBe(201);
      expect(res.json()).toStrictEqual({ quantity: -1, extra: true });
    },
  },
];
