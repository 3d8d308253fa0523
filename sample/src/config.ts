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
  /** The error envelope (`ERROR_FORMAT`): meta, error, flat, error_code or problem. */
  readonly errorFormat: ErrorFormatName;
}

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
    sessionTtlSeconds: Number(env.SESSION_TTL_SECONDS ?? 3600),
  };
}

export const SAMPLE_CONFIG = 'SAMPLE_CONFIG';
