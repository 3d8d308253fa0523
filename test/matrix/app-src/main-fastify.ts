import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { fastifyFrameworkErrors } from 'nestjs-api-errors';
import { AppModule } from './app.module.js';
import { listen } from './listen.js';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(
    AppModule,
    new FastifyAdapter({ frameworkErrors: fastifyFrameworkErrors }),
    { logger: ['error', 'warn'] },
  );
  await listen(app);
}
void bootstrap();
