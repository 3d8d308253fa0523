import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../../sample/src/app.module.js';
import { totp } from '../../sample/src/auth/totp.js';
import { readConfig } from '../../sample/src/config.js';
import { DatabaseService } from '../../sample/src/database/database.service.js';
import { DEMO_PASSWORD } from '../../sample/src/database/seed.js';
import { send, sendJson, type ReceivedResponse } from '../helpers/http-client.js';
import { type AdapterName, createTestApp, type TestApp } from '../helpers/test-app.js';

export const EXPIRED = 'Your session has expired. Kindly logout and login';
export const BLOCKED = 'Your Account has been blocked, Please contact Acme Shop Team';

/** Environment that lifts the login rate limits, for tests that log in many times. */
export const UNTHROTTLED = { LOGIN_RATE_LIMIT: '100000' } as const;

export interface SampleServer {
  t: TestApp;
  /** The sample's own database service, for checks a client cannot make. */
  db: DatabaseService;
  /** The database file. */
  databaseFile: string;
  stop: () => Promise<void>;
}

/** The sample on a fresh database file of its own, configured by `env` as `npm start` would be. */
export async function startSample(
  adapter: AdapterName,
  env: Record<string, string> = {},
): Promise<SampleServer> {
  const dir = mkdtempSync(join(tmpdir(), 'shop-'));
  const databaseFile = join(dir, 'shop.db');
  const config = readConfig({ SAMPLE_DB: databaseFile, ADAPTER: adapter, ...env });
  const t = await createTestApp(adapter, AppModule.with(config));
  return {
    t,
    db: t.app.get(DatabaseService),
    databaseFile,
    stop: async () => {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function login(
  t: TestApp,
  email: string,
  password: string = DEMO_PASSWORD,
): Promise<ReceivedResponse> {
  return sendJson(t.url, 'POST', '/auth/login', { email, password });
}

export function secondStep(t: TestApp, token: string, code: string): Promise<ReceivedResponse> {
  return sendJson(t.url, 'POST', '/auth/2fa', { token, code });
}

export function me(t: TestApp, token: string): Promise<ReceivedResponse> {
  return send(t.url, { path: '/api/v2/me', headers: { authorization: `Bearer ${token}` } });
}

/** A six-digit code no authenticator shows around now: matches none of the accepted steps. */
export function wrongCode(secret: string, offset = 1): string {
  const now = Date.now();
  const valid = new Set([-2, -1, 0, 1, 2].map((step) => totp(secret, now + step * 30_000)));
  let code = (Number(totp(secret, now)) + offset) % 1_000_000;
  while (valid.has(String(code).padStart(6, '0'))) code = (code + 1) % 1_000_000;
  return String(code).padStart(6, '0');
}
