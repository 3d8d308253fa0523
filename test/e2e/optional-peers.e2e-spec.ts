import { execFileSync, spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADAPTERS } from '../helpers/test-app.js';

/**
 * class-validator and class-transformer are optional peers. These tests run
 * real apps in child processes whose node_modules really lack them: a scratch
 * folder outside the repository (so no parent node_modules has them), holding
 * a link to every installed package but those two, and the library built from
 * the sources. Node runs with --preserve-symlinks, so every package resolves
 * its own imports from the scratch folder too.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const LEFT_OUT = ['class-validator', 'class-transformer'];

/** Builds the library and a node_modules without `missing`, returns the folder. */
function scratchApp(build: string, missing: readonly string[]): string {
  const app = mkdtempSync(join(tmpdir(), 'api-errors-peers-'));
  const modules = join(app, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (name.startsWith('.') || missing.includes(name) || name === 'nestjs-api-errors') continue;
    symlinkSync(join(root, 'node_modules', name), join(modules, name));
  }
  symlinkSync(build, join(modules, 'nestjs-api-errors'));
  writeFileSync(join(app, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  return app;
}

interface ChildResult {
  status: number | null;
  output: string;
  result?: any;
}

/** Runs `script` in `app` and reads the JSON line it prints last. */
function runIn(app: string, script: string, adapter: string): ChildResult {
  writeFileSync(join(app, 'check.mjs'), `${PRELUDE}\n${script}`);
  const { NODE_PATH: _nodePath, NODE_OPTIONS: _nodeOptions, ...env } = process.env;
  const child = spawnSync(
    process.execPath,
    ['--preserve-symlinks', '--preserve-symlinks-main', 'check.mjs'],
    { cwd: app, encoding: 'utf8', env: { ...env, ADAPTER: adapter }, timeout: 60_000 },
  );
  const output = `${child.stdout}${child.stderr}`;
  const last = child.stdout.trim().split('\n').at(-1) ?? '';
  let result: unknown;
  try {
    result = JSON.parse(last);
  } catch {
    result = undefined;
  }
  return { status: child.status, output, result };
}

/** Shared by every script: an app factory for either adapter, and a JSON request helper. */
const PRELUDE = `
import 'reflect-metadata';
import { Body, Controller, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import * as api from 'nestjs-api-errors';

const peers = {};
for (const name of ${JSON.stringify(LEFT_OUT)}) {
  peers[name] = await import(name).then(() => 'installed', () => 'missing');
}

async function appWith(module, options = {}) {
  const adapter = process.env.ADAPTER === 'fastify'
    ? new (await import('@nestjs/platform-fastify')).FastifyAdapter()
    : undefined;
  const app = adapter
    ? await NestFactory.create(module, adapter, { logger: false, ...options })
    : await NestFactory.create(module, { logger: false, ...options });
  await app.listen(0, '127.0.0.1');
  return app;
}

async function post(app, path, body) {
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** A controller with one POST route whose body parameter gets \`bodyOptions\`. */
function controllerWith(bodyOptions) {
  class OrdersController { create(body) { return body; } }
  Controller()(OrdersController);
  Post('orders')(OrdersController.prototype, 'create', Object.getOwnPropertyDescriptor(OrdersController.prototype, 'create'));
  (bodyOptions ? Body(bodyOptions) : Body())(OrdersController.prototype, 'create', 0);
  return OrdersController;
}

function moduleWith(options, controller) {
  class AppModule {}
  Module({ imports: [api.ErrorsModule.forRoot(options)], controllers: [controller] })(AppModule);
  return AppModule;
}
`;

describe('without class-validator and class-transformer', { timeout: 180_000 }, () => {
  let build: string;
  let app: string;
  let withValidatorOnly: string;

  beforeAll(() => {
    build = mkdtempSync(join(tmpdir(), 'api-errors-build-'));
    writeFileSync(
      join(build, 'package.json'),
      JSON.stringify({
        name: 'nestjs-api-errors',
        type: 'module',
        exports: { '.': './dist/index.js' },
      }),
    );
    // Emitted without type checks (the suite's own type check covers them), into its own folder.
    try {
      execFileSync(
        process.execPath,
        [
          join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
          ...['-p', 'tsconfig.build.json', '--outDir', join(build, 'dist'), '--noCheck'],
          ...[
            '--declaration',
            'false',
            '--declarationMap',
            'false',
            '--sourceMap',
            'false',
            '--inlineSources',
            'false',
          ],
        ],
        { cwd: root, stdio: 'pipe' },
      );
    } catch (error) {
      throw new Error(
        `building the library failed: ${String((error as { stdout?: unknown }).stdout)}`,
        { cause: error },
      );
    }
    app = scratchApp(build, LEFT_OUT);
    withValidatorOnly = scratchApp(build, ['class-transformer']);
  });
  afterAll(() => {
    for (const folder of [app, withValidatorOnly, build]) {
      if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
    }
  });

  describe.each(ADAPTERS)('%s', (adapter) => {
    it('the packages are really missing there', () => {
      const { result } = runIn(app, `console.log(JSON.stringify(peers));`, adapter);
      expect(result).toStrictEqual({
        'class-validator': 'missing',
        'class-transformer': 'missing',
      });
    });

    it('an app with validation: false starts and answers', () => {
      const { result, output } = runIn(
        app,
        `
        const server = await appWith(moduleWith({ validation: false }, controllerWith()));
        const ok = await post(server, '/orders', { items: 'anything' });
        const missing = await post(server, '/nowhere', {});
        await server.close();
        console.log(JSON.stringify({ ok, missing }));
        `,
        adapter,
      );
      expect(result, `child output: ${output}`).toStrictEqual({
        ok: { status: 201, body: { items: 'anything' } },
        missing: {
          status: 404,
          body: {
            meta: {
              code: 10,
              message: 'Not Supported',
              description: 'method: POST, url: /nowhere',
            },
          },
        },
      });
    });

    it('an app validating with a Standard Schema (classValidator: false) starts and validates', () => {
      const { result, output } = runIn(
        app,
        `
        const { z } = await import('zod');
        const Order = z.object({ items: z.array(z.object({ product_id: z.int(), quantity: z.int().min(1) })) });
        const server = await appWith(
          moduleWith({ validation: { classValidator: false } }, controllerWith({ schema: Order })),
        );
        const bad = await post(server, '/orders', { items: [{ product_id: 1, quantity: 0 }] });
        const good = await post(server, '/orders', { items: [{ product_id: 1, quantity: 2 }] });
        await server.close();
        console.log(JSON.stringify({ bad, good }));
        `,
        adapter,
      );
      expect(result, `child output: ${output}`).toStrictEqual({
        bad: {
          status: 400,
          body: {
            meta: {
              code: 88,
              message: 'Invalid Parameter',
              description: 'items[0].quantity must not be less than 1',
            },
          },
        },
        good: { status: 201, body: { items: [{ product_id: 1, quantity: 2 }] } },
      });
    });

    it('class-validator validation on: start-up fails with an Error naming both packages', () => {
      const { result, output } = runIn(
        app,
        `
        const failed = await appWith(moduleWith({}, controllerWith()), { abortOnError: false }).then(
          (server) => server.close().then(() => 'started'),
          (error) => ({ name: error.name, message: error.message }),
        );
        let byHand;
        try { new api.ApiValidationPipe(); byHand = 'built'; } catch (error) { byHand = error.message; }
        console.log(JSON.stringify({ failed, byHand }));
        `,
        adapter,
      );
      const message =
        'ApiValidationPipe validates DTO classes with class-validator and class-transformer, ' +
        'but class-validator and class-transformer are not installed. Install them ' +
        '(npm install class-validator class-transformer), or pass validation: { classValidator: false } ' +
        'to validate Standard Schemas only, or validation: false to register no validation pipe.';
      expect(result, `child output: ${output}`).toStrictEqual({
        failed: { name: 'Error', message },
        byHand: message,
      });
      // The README quotes it.
      expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(message);
    });

    it("with Nest's default abortOnError the process ends, the reason in its output", () => {
      const { status, output } = runIn(
        app,
        `await appWith(moduleWith({}, controllerWith()), { logger: ['error'] });`,
        adapter,
      );
      expect(status).toBe(1);
      expect(output).toContain('Install them (npm install class-validator class-transformer)');
    });

    it('only class-transformer missing: the error names it alone', () => {
      const { result, output } = runIn(
        withValidatorOnly,
        `
        let message;
        try { new api.ApiValidationPipe(); } catch (error) { message = error.message; }
        console.log(JSON.stringify({ peers, message }));
        `,
        adapter,
      );
      expect(result, `child output: ${output}`).toStrictEqual({
        peers: { 'class-validator': 'installed', 'class-transformer': 'missing' },
        message: expect.stringContaining(
          'but class-transformer is not installed. Install it (npm install class-transformer)',
        ),
      });
    });
  });
});
