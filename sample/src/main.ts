import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { fastifyFrameworkErrors } from 'nestjs-api-errors';
import { AppModule } from './app.module.js';
import { readConfig } from './config.js';
import { DEMO_PASSWORD, DEMO_USERS } from './database/seed.js';
import { DOCS_PATH, setUpApiDocs } from './docs/api-docs.js';

async function bootstrap(): Promise<void> {
  const config = readConfig();
  const adapter =
    config.adapter === 'fastify'
      ? new FastifyAdapter({ frameworkErrors: fastifyFrameworkErrors })
      : new ExpressAdapter();
  const app = await NestFactory.create(AppModule.with(config), adapter);
  app.enableShutdownHooks();
  setUpApiDocs(app);
  await app.listen(config.port, '0.0.0.0');

  const logger = new Logger('Sample');
  logger.log(
    `Shop API on http://localhost:${config.port} (${config.adapter}, ${config.errorFormat} errors, database ${config.databaseFile})`,
  );
  logger.log(`API docs on http://localhost:${config.port}/${DOCS_PATH}`);
  for (const user of DEMO_USERS) {
    // A password has no place in a production log, not even a demo one.
    const account = config.production ? user.email : `${user.email} / ${DEMO_PASSWORD}`;
    logger.log(`Demo account: ${account} (${user.about})`);
  }
}

await bootstrap();
