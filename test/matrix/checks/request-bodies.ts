import { gzipSync } from 'node:zlib';
import { send } from '../../helpers/http-client.js';
import { meta, type SmokeCheck } from './smoke-check.js';
import type { ReceivedResponse } from '../../helpers/http-client.js';

const post = (url: string, body: string | Buffer, headers: Record<string, string> = {}) =>
  send(url, {
    method: 'POST',
    path: '/echo',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

const expectNotJson = (res: ReceivedResponse) => {
  expect(res.status).toBe(400);
  expect(res.json()).toStrictEqual(meta(88, 'Invalid Parameter', 'Request body is not valid JSON'));
  expect(res.text).not.toContain('hunter2');
};

export const REQUEST_BODY_CHECKS: readonly SmokeCheck[] = [
  {
    name: 'a malformed JSON body -> 400 / 88, the body not echoed',
    run: async ({ url }) => expectNotJson(await post(url, 'password=hunter2')),
  },
  {
    name: "a body over the parser's limit -> 413",
    run: async ({ url }) => {
      const res = await post(url, JSON.stringify({ note: 'x'.repeat(2 * 1024 * 1024) }));
      expect(res.status).toBe(413);
      expect(res.json()).toStrictEqual(
        meta(413, 'Payload Too Large', 'Request body is larger than the server accepts'),
      );
    },
  },
  {
    name: 'a gzip body that is no gzip -> 400 / 88 not decompressed (Express)',
    appliesTo: (app) => app.adapter === 'express',
    run: async ({ url }) => {
      const res = await post(url, '{"password":"hunter2"}', { 'content-encoding': 'gzip' });
      expect(res.status).toBe(400);
      expect(res.json()).toStrictEqual(
        meta(88, 'Invalid Parameter', 'Request body could not be decompressed'),
      );
    },
  },
  {
    name: 'a gzip body -> 400 / 88 not valid JSON (Fastify, which does not decompress bodies)',
    appliesTo: (app) => app.adapter === 'fastify',
    run: async ({ url }) =>
      expectNotJson(
        await post(url, gzipSync('{"password":"hunter2"}'), { 'content-encoding': 'gzip' }),
      ),
  },
];
