import type { DynamicModule, INestApplication, ModuleMetadata, Type } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { fastifyFrameworkErrors } from 'nestjs-api-errors';
import { CapturedLogger } from './captured-logger.js';

export type AdapterName = 'express' | 'fastify';

/** Every behaviour is checked on both of Nest's HTTP adapters. */
export const ADAPTERS: readonly AdapterName[] = ['express', 'fastify'];

export interface TestApp {
  app: INestApplication;
  /** Base URL of the listening server, e.g. `http://127.0.0.1:41234`. */
  url: string;
  logger: CapturedLogger;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Adapter options, e.g. Fastify's `bodyLimit`; `frameworkErrors` is set as the README shows. */
  fastify?: ConstructorParameters<typeof FastifyAdapter>[0];
  /** Runs before `listen`, e.g. to add global filters by hand. */
  configure?: (app: INestApplication) => void | Promise<void>;
}

/** Builds a real Nest app on the given adapter and listens on a free loopback port. */
export async function createTestApp(
  adapter: AdapterName,
  root: ModuleMetadata | DynamicModule | Type<unknown>,
  options: TestAppOptions = {},
): Promise<TestApp> {
  const moduleRef = await Test.createTestingModule(
    typeof root === 'function' || 'module' in root ? { imports: [root] } : root,
  ).compile();
  const logger = new CapturedLogger();
  const app = moduleRef.createNestApplication(
    adapter === 'express'
      ? new ExpressAdapter()
      : new FastifyAdapter({ frameworkErrors: fastifyFrameworkErrors, ...options.fastify }),
    { logger },
  );
  await options.configure?.(app);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, url, logger, close: () => app.close() };
}
