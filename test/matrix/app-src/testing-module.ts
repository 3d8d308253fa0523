import { Test } from '@nestjs/testing';
import { AppModule } from './app.module.js';
import { listen } from './listen.js';

/** The same app built as an e2e test builds it, where providers exist before the adapter. */
async function bootstrap(): Promise<void> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
  await listen(app);
}
void bootstrap();
