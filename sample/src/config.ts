import { fileURLToPath } from 'node:url';

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
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): SampleConfig {
  const adapter = env.ADAPTER ?? 'express';
  if (adapter !== 'express' && adapter !== 'fastify') {
    throw new Error(`ADAPTER must be "express" or "fastify", got "${adapter}"`);
  }
  return {
    port: Number(env.PORT ?? 3000),
    adapter,
    databaseFile: env.SAMPLE_DB ?? fileURLToPath(new URL('../data/shop.db', import.meta.url)),
    sessionTtlSeconds: Number(env.SESSION_TTL_SECONDS ?? 3600),
  };
}

export const SAMPLE_CONFIG = 'SAMPLE_CONFIG';
