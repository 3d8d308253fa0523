import { fileURLToPath } from 'node:url';
import { BUILT_IN_FORMATS, type ErrorFormatName } from 'nestjs-api-errors';

/** Everything the sample reads from its environment, read once. */
export interface SampleConfig {
  /** Port to listen on (`PORT`). */
  readonly port: number;
  /** HTTP adapter (`ADAPTER`): `express` or `fastify`. */
  readonly adapter: 'express' | 'fastify';
  /** SQLite database file (`SAMPLE_DB`). */
  readonly databaseFile: string;
  /** How long a session lasts, in seconds (`SESSION_TTL_SECONDS`). */
  readonly sessionTtlSeconds: number;
  /** How often expired sessions are deleted, in seconds (`SESSION_SWEEP_SECONDS`). */
  readonly sessionSweepSeconds: number;
  /** Requests one client address may send to each login route per window (`LOGIN_RATE_LIMIT`). */
  readonly loginRateLimit: number;
  /** The window of `loginRateLimit`, in seconds (`LOGIN_RATE_WINDOW_SECONDS`). */
  readonly loginRateWindowSeconds: number;
  /** The error envelope (`ERROR_FORMAT`): meta, error, flat, error_code or problem. */
  readonly errorFormat: ErrorFormatName;
  /** `NODE_ENV=production`: no 5xx descriptions, no demo password in the log. */
  readonly production: boolean;
}

/** Longest wait a Node timer can hold, in whole seconds. */
const MAX_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

export function readConfig(env: NodeJS.ProcessEnv = process.env): SampleConfig {
  const adapter = env.ADAPTER ?? 'express';
  if (adapter !== 'express' && adapter !== 'fastify') {
    throw new Error(`ADAPTER must be "express" or "fastify", got "${adapter}"`);
  }
  const errorFormat = env.ERROR_FORMAT ?? 'meta';
  if (!(errorFormat in BUILT_IN_FORMATS)) {
    const names = Object.keys(BUILT_IN_FORMATS).join(', ');
    throw new Error(`ERROR_FORMAT must be one of ${names}, got "${errorFormat}"`);
  }
  return {
    port: Number(env.PORT ?? 3000),
    errorFormat: errorFormat as ErrorFormatName,
    adapter,
    databaseFile: env.SAMPLE_DB ?? fileURLToPath(new URL('../data/shop.db', import.meta.url)),
    sessionTtlSeconds: wholeNumber(env, 'SESSION_TTL_SECONDS', 3600, MAX_SECONDS),
    sessionSweepSeconds: wholeNumber(env, 'SESSION_SWEEP_SECONDS', 600, MAX_SECONDS),
    loginRateLimit: wholeNumber(env, 'LOGIN_RATE_LIMIT', 10, 1_000_000),
    loginRateWindowSeconds: wholeNumber(env, 'LOGIN_RATE_WINDOW_SECONDS', 60, MAX_SECONDS),
    production: env.NODE_ENV === 'production',
  };
}

/** A whole number from 1 to `max`, or the default when the variable is not set. */
function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const text = env[name];
  if (text === undefined) return fallback;
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= 1 && value <= max)) {
    throw new Error(`${name} must be a whole number from 1 to ${max}, got "${text}"`);
  }
  return value;
}

export const SAMPLE_CONFIG = 'SAMPLE_CONFIG';
