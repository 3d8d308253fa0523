import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../../../sample/src/app.module.js';
import { readConfig } from '../../../sample/src/config.js';
import { setUpApiDocs } from '../../../sample/src/docs/api-docs.js';
import { send } from '../../helpers/http-client.js';
import { type AdapterName, createTestApp, type TestApp } from '../../helpers/test-app.js';

export interface SampleWithDocs {
  readonly t: TestApp;
  /** The document the sample serves at `/docs-json`. */
  readonly document: Record<string, any>;
  stop(): Promise<void>;
}

/** The sample as `npm start` runs it, Swagger included, on a fresh database of its own. */
export async function startSampleWithDocs(
  adapter: AdapterName,
  env: Record<string, string> = {},
): Promise<SampleWithDocs> {
  const dir = mkdtempSync(join(tmpdir(), 'shop-docs-'));
  const config = readConfig({ SAMPLE_DB: join(dir, 'shop.db'), ADAPTER: adapter, ...env });
  const t = await createTestApp(adapter, AppModule.with(config), { configure: setUpApiDocs });
  const served = await send(t.url, { path: '/docs-json' });
  if (served.status !== 200) throw new Error(`/docs-json answered ${served.status}`);
  return {
    t,
    document: served.json(),
    stop: async () => {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const FORMATS = ['meta', 'error', 'flat', 'error_code', 'problem'] as const;
