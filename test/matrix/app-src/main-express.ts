import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { serveApiDocs } from './api-docs.js';
import { AppModule } from './app.module.js';
import { listen } from './listen.js';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule, new ExpressAdapter(), {
    logger: ['error', 'warn'],
  });
  serveApiDocs(app);
  await listen(app);
}
void bootstrap();
