import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Packs the library as npm would publish it, installs the tarball into a
 * scratch app and uses it by its package name: a broken `exports` map, a
 * missing file or missing types fail here. The scratch app sits inside the
 * repository so the peer dependencies resolve from its node_modules, with no
 * network needed.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('the packed package', { timeout: 180_000 }, () => {
  let app: string;
  let files: string[];

  beforeAll(() => {
    mkdirSync(join(root, '.pack-test'), { recursive: true });
    app = mkdtempSync(join(root, '.pack-test', 'app-'));
    const [packed] = JSON.parse(
      run('npm', ['pack', '--json', '--pack-destination', app], root),
    ) as { filename: string; files: { path: string }[] }[];
    files = packed.files.map((file) => file.path);
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({ name: 'scratch-app', private: true, type: 'module' }),
    );
    run(
      'npm',
      [
        'install',
        '--offline',
        '--no-audit',
        '--no-fund',
        '--legacy-peer-deps',
        `./${packed.filename}`,
      ],
      app,
    );
  });
  afterAll(() => rmSync(app, { recursive: true, force: true }));

  it('ships the build, its types and the docs, and no tests or sources', () => {
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/index.d.ts');
    expect(files).toContain('README.md');
    expect(files.filter((file) => /\.spec\.|^src\/|^test\/|^sample\//.test(file))).toStrictEqual(
      [],
    );
  });

  it('is imported by its name from ESM and answers a real request', () => {
    writeFileSync(
      join(app, 'check.mjs'),
      `
      import 'reflect-metadata';
      import { Controller, Get, Module } from '@nestjs/common';
      import { NestFactory } from '@nestjs/core';
      import * as api from 'nestjs-api-errors';
      const names = Object.keys(api).sort();
      class ProductsController { missing() { throw new api.UserNotExistsError('No account found with this email'); } }
      Controller()(ProductsController);
      Get('user')(ProductsController.prototype, 'missing', Object.getOwnPropertyDescriptor(ProductsController.prototype, 'missing'));
      class AppModule {}
      Module({ imports: [api.ErrorsModule.forRoot()], controllers: [ProductsController] })(AppModule);
      const app = await NestFactory.create(AppModule, { logger: false });
      await app.listen(0, '127.0.0.1');
      const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
      const res = await fetch(url + '/user');
      console.log(JSON.stringify({ names, status: res.status, body: await res.json() }));
      await app.close();
      `,
    );
    const { names, status, body } = JSON.parse(run('node', ['check.mjs'], app));
    expect(names).toEqual(
      expect.arrayContaining([
        'ErrorsModule',
        'ApiExceptionFilter',
        'ApiValidationPipe',
        'defineError',
        'AppError',
        'DatabaseError',
        'ERR_INVALID_PARAMETER',
      ]),
    );
    expect(status).toBe(404);
    expect(body).toStrictEqual({
      meta: {
        code: 21,
        message: 'User Not Exists',
        description: 'No account found with this email',
      },
    });
  });

  it('is required by its name from CommonJS (Node 20.19+ loads ESM through require)', () => {
    writeFileSync(
      join(app, 'check.cjs'),
      `console.log(typeof require('nestjs-api-errors').ErrorsModule);`,
    );
    expect(run('node', ['check.cjs'], app).trim()).toBe('function');
  });

  it('type-checks against the published declarations', () => {
    writeFileSync(
      join(app, 'check.ts'),
      `
      import { defineError, ErrorsModule, type ErrorsModuleOptions, InvalidParameterError } from 'nestjs-api-errors';
      const options: ErrorsModuleOptions = { production: true, validation: { allErrors: true } };
      ErrorsModule.forRoot(options);
      const ERR_OUT_OF_STOCK = defineError({ status: 409, code: 31, title: 'Out Of Stock' });
      const code: number | string = new InvalidParameterError('x').code;
      // @ts-expect-error an unknown option is a type error
      ErrorsModule.forRoot({ formatt: 'meta' });
      export { ERR_OUT_OF_STOCK, code };
      `,
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'ES2023',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          experimentalDecorators: true,
          types: [],
        },
        files: ['check.ts'],
      }),
    );
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = spawnSync('node', [tsc, '-p', 'tsconfig.json'], { cwd: app, encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('ships the client and testing entries, importable by their subpaths', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'dist/client/index.js',
        'dist/client/index.d.ts',
        'dist/testing/index.js',
        'dist/cli/main.js',
      ]),
    );
    writeFileSync(
      join(app, 'client.mjs'),
      `
      import { parseApiError, withRetry } from 'nestjs-api-errors/client';
      import { expectApiError } from 'nestjs-api-errors/testing';
      import { ERR_AUTH_REQUIRED } from 'nestjs-api-errors';
      const response = { status: 401, headers: { 'x-request-id': 'r-1' }, body: { meta: { code: 99, message: 'Authentication Required' } } };
      const error = await parseApiError(response);
      await expectApiError(response, ERR_AUTH_REQUIRED);
      console.log(JSON.stringify({ code: error.code, requestId: error.requestId, retry: typeof withRetry }));
      `,
    );
    expect(JSON.parse(run('node', ['client.mjs'], app))).toStrictEqual({
      code: 99,
      requestId: 'r-1',
      retry: 'function',
    });
  });

  it('runs the catalog CLI as an installed bin', () => {
    writeFileSync(
      join(app, 'errors.mjs'),
      `import { defineError } from 'nestjs-api-errors';
      export const ERR_SEAT_TAKEN = defineError({ status: 409, code: 41, title: 'Seat Taken' });`,
    );
    const bin = join(app, 'node_modules', '.bin', 'nestjs-api-errors');
    const markdown = run(bin, ['catalog', '--entries', './errors.mjs', '--as', 'md'], app);
    expect(markdown).toContain('| `ERR_SEAT_TAKEN` | 409 | 41 | Seat Taken |');
    const missing = spawnSync(bin, ['catalog', '--entries', './nope.js'], {
      cwd: app,
      encoding: 'utf8',
    });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/--entries \.\/nope\.js: no such file/);
  });

  it('leaves no stray files behind in the scratch folder but the install', () => {
    expect(readdirSync(app)).toEqual(expect.arrayContaining(['node_modules', 'package.json']));
  });
});
