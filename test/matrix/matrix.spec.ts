import { packedPackage } from '../package/packed-package.js';
import { type ScratchApp, selectedApps } from './apps.js';
import { SMOKE_CHECKS } from './checks/index.js';
import { compile, copySources, type RunningApp, startApp } from './scratch-app.js';

/**
 * The compatibility matrix: the packed library installed into real apps on
 * Nest 11 (CommonJS) and Nest 12 (ESM), on Express and on Fastify, each
 * compiled with its own `tsc` and checked over HTTP. See `apps.ts`.
 */
const apps = selectedApps();
const compiled = new Map<string, Promise<string>>();

async function prepare(app: ScratchApp): Promise<string> {
  const dir = packedPackage().apps[app.name];
  copySources(app, dir);
  await compile(dir);
  return dir;
}

// All apps compile at once; each app's tests wait for their own.
beforeAll(() => {
  for (const app of apps) {
    const done = prepare(app);
    done.catch(() => undefined);
    compiled.set(app.name, done);
  }
});

describe.each(apps.map((app) => [app.name, app] as const))('%s', (_name, app) => {
  let dir: string;
  let running: RunningApp | undefined;

  beforeAll(async () => {
    dir = await compiled.get(app.name)!;
    running = await startApp(dir, 'main.ts', { NODE_ENV: 'production' });
  });
  afterAll(() => running?.stop());

  it.each(app.typeChecks ?? [])('type-checks with %s too', async (tsconfig) => {
    await compile(dir, tsconfig, true);
  });

  const checks = SMOKE_CHECKS.filter((check) => check.appliesTo?.(app) ?? true);
  it.each(checks.map((check) => [check.name, check] as const))('%s', async (_title, check) => {
    await check.run({ app, dir, url: running!.url });
  });
});
