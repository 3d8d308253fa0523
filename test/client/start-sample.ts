import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../../sample/src/app.module.js';
import { readConfig } from '../../sample/src/config.js';
import { type AdapterName, createTestApp, type TestApp } from '../helpers/test-app.js';

/** The sample shop, in process, on a fresh database of its own and a free port. */
export async function startSample(
  adapter: AdapterName,
  env: Record<string, string> = {},
): Promise<{ t: TestApp; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'shop-client-'));
  const config = readConfig({ SAMPLE_DB: join(dir, 'shop.db'), ADAPTER: adapter, ...env });
  const t = await createTestApp(adapter, AppModule.with(config));
  return {
    t,
    stop: async () => {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
