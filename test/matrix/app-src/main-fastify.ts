import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { fastifyFrameworkErrors } from 'nestjs-api-errors';
import { serveApiDocs } from './api-docs.js';
import { AppModule } from './app.module.js';
import { listen } from './listen.js';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(
    AppModule,
    new FastifyAdapter({ frameworkErrors: fastifyFrameworkErrors }),
    { logger: ['error', 'warn'] },
  );
  serveApiDocs(app);
  await listen(app);
}
void bootstrap();
