import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../sample/src/database/seed.js';
import { freePort } from '../helpers/free-port.js';
import { ADAPTERS } from '../helpers/test-app.js';
import {
  buildScratchCopy,
  isListening,
  isRunning,
  nestPid,
  start,
  type Started,
  waitForHealth,
} from './built-sample.js';

/** The built sample as `npm start` runs it, in a scratch copy of the repository. */
describe('the sample as a process', { timeout: 240_000 }, () => {
  let scratch: ReturnType<typeof buildScratchCopy>;
  const started: Started[] = [];

  beforeAll(() => {
    scratch = buildScratchCopy();
  }, 240_000);
  afterAll(() => {
    // Whatever a failing test left running, by its own id.
    for (const { child, output } of started) {
      const server = nestPid(output());
      if (server !== undefined && isRunning(server)) process.kill(server, 'SIGKILL');
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    scratch.remove();
  });

  function run(command: string, args: string[], env: NodeJS.ProcessEnv): Started {
    const process = start(command, args, scratch.dir, {
      SAMPLE_DB: join(scratch.dir, 'data', `${started.length}.db`),
      ...env,
    });
    started.push(process);
    return process;
  }

  it.each(ADAPTERS)('stops when `npm start` gets SIGTERM (%s)', async (adapter) => {
    const port = await freePort();
    const npm = run('npm', ['start'], { PORT: String(port), ADAPTER: adapter });
    await waitForHealth(port, npm, 180_000);
    const server = nestPid(npm.output());
    expect(server).toBeDefined();

    npm.child.kill('SIGTERM');
    await npm.exited;
    // The server is npm's grandchild: it must not outlive it.
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && (await isListening(port))) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await isListening(port)).toBe(false);
    expect(isRunning(server!)).toBe(false);
  });

  it.each([
    ['production', false],
    ['development', true],
  ])('logs the demo password at start with NODE_ENV=%s: %s', async (nodeEnv, shown) => {
    const port = await freePort();
    const node = run('node', ['sample/dist/main.js'], { PORT: String(port), NODE_ENV: nodeEnv });
    await waitForHealth(port, node, 30_000);
    node.child.kill('SIGTERM');
    await node.exited;
    expect(node.output()).toContain('Demo account: alice@example.com');
    expect(node.output().includes(DEMO_PASSWORD)).toBe(shown);
  });

  it('is not kept alive by its own timers once nothing else is left to do', async () => {
    writeFileSync(
      join(scratch.dir, 'init-only.mjs'),
      `import 'reflect-metadata';
       import { NestFactory } from '@nestjs/core';
       import { AppModule } from './sample/dist/app.module.js';
       import { readConfig } from './sample/dist/config.js';
       const app = await NestFactory.create(AppModule.with(readConfig()), { logger: false });
       await app.init();
       console.log('initialised');`,
    );
    const node = run('node', ['init-only.mjs'], { SESSION_SWEEP_SECONDS: '3600' });
    const code = await Promise.race([
      node.exited,
      new Promise<string>((resolve) => setTimeout(() => resolve('still running'), 15_000)),
    ]);
    expect(node.output()).toContain('initialised');
    expect(code).toBe(0);
  });
});
