import type { SentRequest } from '../../helpers/http-client.js';

/** One request of the seed-examples app and what a format must answer. */
export interface FormatCase {
  name: string;
  request: SentRequest;
  status: number;
  body: unknown;
  headers?: Record<string, string | RegExp>;
}

const json = { 'content-type': 'application/json' };

/** The requests every format suite sends; each suite gives its expected answers. */
export const REQUESTS = {
  routeNotFound: { method: 'DELETE', path: '/api/v2/product/123' },
  incident: { path: '/incidents/550e8400-e29b-41d4-a716-446655440000' },
  conflict: { method: 'POST', path: '/approvals/7' },
  taken: { path: '/taken' },
  validation: { method: 'POST', path: '/users', headers: json, body: '{"email":"nope"}' },
  nestedValidation: {
    method: 'POST',
    path: '/profiles',
    headers: json,
    body: '{"age":0,"profile":{"color":5}}',
  },
  sameMessageTwice: {
    method: 'POST',
    path: '/profiles',
    headers: json,
    body: '{"age":"x","profile":{"color":"red"}}',
  },
  wrongType: {
    method: 'POST',
    path: '/users',
    headers: json,
    body: '{"name":42,"email":"a@b.co"}',
  },
  queryValidation: { path: '/pages?limit=500' },
  invalidQuantity: { path: '/invalid-quantity' },
  malformedJson: { method: 'POST', path: '/users', headers: json, body: '{"name":' },
  rateLimited: { path: '/rate-limited' },
  unavailable: { path: '/unavailable' },
  crash: { path: '/crash' },
  database: { path: '/database' },
  tokenMissing: { path: '/me' },
  tokenUnknown: { path: '/me', headers: { authorization: 'Bearer u1.2fa-off.ok.gone' } },
  sessionExpired: { path: '/me', headers: { authorization: 'Bearer u1.2fa-off.ok.expired' } },
  twoFactorMismatch: { path: '/me', headers: { authorization: 'Bearer u1.2fa-on.ok.active' } },
  blocked: { path: '/me', headers: { authorization: 'Bearer u1.2fa-off.blocked.active' } },
  versionOutdated: { path: '/app/config', headers: { 'x-client-version': 'a.0.9-1' } },
  versionInvalid: { path: '/app/config', headers: { 'x-client-version': 'banana' } },
  methodNotAllowed: { path: '/method-not-allowed' },
  notImplemented: { path: '/not-implemented' },
  badGateway: { path: '/bad-gateway' },
} satisfies Record<string, SentRequest>;

export type RequestName = keyof typeof REQUESTS;
