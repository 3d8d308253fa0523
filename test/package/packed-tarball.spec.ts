import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { packedPackage } from './packed-package.js';

/**
 * The tarball as npm would publish it (packed once per run by the global
 * set-up), installed in the matrix's scratch apps: its contents, its export
 * map and typesVersions, its source maps, and every export path imported from
 * ESM and CommonJS and type-checked under both module resolutions. An export
 * path that needs an optional peer (`./swagger` needs `@nestjs/swagger`,
 * class-validator and class-transformer) needs that peer in these apps'
 * package.json too.
 */
const ESM_APP = 'nest12-esm-express';
const CJS_APP = 'nest11-cjs-express';
/** A Nest 11 CommonJS app with `@nestjs/swagger` but without class-validator and class-transformer. */
const WITHOUT_VALIDATION_APP = 'nest11-cjs-express-without-validation';
const SWAGGER_ENTRY = 'nestjs-api-errors/swagger';

interface Manifest {
  version: string;
  main: string;
  types: string;
  exports: Record<string, string | Record<string, string>>;
  typesVersions: Record<string, Record<string, string[]>>;
}

const packed = () => packedPackage();

/** The folder of a scratch app these tests use; `MATRIX_APPS` must not leave it out. */
function appDir(app: string): string {
  const dir = packed().apps[app];
  if (dir === undefined)
    throw new Error(`The package tests need the ${app} app: add it to MATRIX_APPS`);
  return dir;
}
const installed = (app: string) => join(appDir(app), 'node_modules', 'nestjs-api-errors');
const manifest = (): Manifest =>
  JSON.parse(readFileSync(join(installed(ESM_APP), 'package.json'), 'utf8')) as Manifest;
const inTarball = (path: string) => posix.normalize(path);

/** `"."` -> `nestjs-api-errors`, `"./swagger"` -> `nestjs-api-errors/swagger`. */
const specifierOf = (subpath: string) => posix.join('nestjs-api-errors', subpath);
const codeSubpaths = () => Object.keys(manifest().exports).filter((key) => !key.endsWith('.json'));

/**
 * A folder next to an app's own, with its package.json (so `"type"` is the
 * app's) and its node_modules, so nothing lands in the app the matrix compiles.
 */
function checkFolder(app: string): string {
  const dir = join(packed().workdir, `package-checks-${app}`);
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(appDir(app), 'package.json'), join(dir, 'package.json'));
  try {
    symlinkSync(join(appDir(app), 'node_modules'), join(dir, 'node_modules'), 'dir');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return dir;
}

const node = (args: string[], cwd: string) =>
  execFileSync(process.execPath, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

describe('the packed tarball', () => {
  it('ships the build, the sources its maps point at, the README and the licence', () => {
    const { files } = packed();
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'LICENSE',
        'dist/index.js',
        'dist/index.d.ts',
        'dist/index.js.map',
        'dist/index.d.ts.map',
        'src/index.ts',
      ]),
    );
    const elsewhere = files.filter(
      (file) =>
        !/^(dist|src)\//.test(file) && !['package.json', 'README.md', 'LICENSE'].includes(file),
    );
    expect(elsewhere).toStrictEqual([]);
  });

  it('holds no tests, fixtures, spec files or build leftovers', () => {
    const unwanted = packed().files.filter(
      (file) =>
        /(^|\/)(test|tests|__tests__|fixtures?|sample|bench|coverage)\//.test(file) ||
        /\.(spec|e2e-spec|test)\.[cm]?[jt]s(\.map)?$/.test(file) ||
        /\.d\.(spec|e2e-spec)\./.test(file) ||
        /\.(tsbuildinfo|tgz|log)$/.test(file),
    );
    expect(unwanted).toStrictEqual([]);
  });

  it('has a source for every built file (no output of a deleted source)', () => {
    const { files } = packed();
    const orphans = files
      .filter((file) => file.startsWith('dist/'))
      .map((file) =>
        file.replace(/^dist\//, 'src/').replace(/(\.d)?\.js(\.map)?$|\.d\.ts(\.map)?$/, '.ts'),
      )
      .filter((source) => !files.includes(source));
    expect([...new Set(orphans)]).toStrictEqual([]);
  });

  it('has source maps whose sources are shipped, for the JavaScript and the declarations', () => {
    const { files } = packed();
    const maps = files.filter((file) => file.endsWith('.map'));
    expect(maps.length).toBeGreaterThan(10);
    const missing = maps.flatMap((map) => {
      const { sources } = JSON.parse(readFileSync(join(installed(ESM_APP), map), 'utf8')) as {
        sources: string[];
      };
      return sources
        .map((source) => posix.join(posix.dirname(map), source))
        .filter((source) => !files.includes(source));
    });
    expect(missing).toStrictEqual([]);
  });
});

describe('the export map', () => {
  it('points every entry, main and types at a file in the tarball', () => {
    const { files } = packed();
    const { exports, main, types } = manifest();
    const targets = Object.values(exports).flatMap((target) =>
      typeof target === 'string' ? [target] : Object.values(target),
    );
    const missing = [main, types, ...targets].map(inTarball).filter((t) => !files.includes(t));
    expect(missing).toStrictEqual([]);
  });

  it('has a typesVersions line for every subpath, for CommonJS apps on node10 resolution', () => {
    // `"module": "commonjs"` resolves types the old way, ignoring `exports`:
    // each subpath export needs `"<subpath>": ["./dist/<subpath>/index.d.ts"]`
    // under `typesVersions["*"]`, pointing at the same file as its `types`.
    const { exports, typesVersions } = manifest();
    const expected = Object.fromEntries(
      Object.entries(exports)
        .filter(([subpath, target]) => subpath !== '.' && typeof target === 'object')
        .map(([subpath, target]) => [subpath.slice(2), [(target as Record<string, string>).types]]),
    );
    expect(typesVersions).toStrictEqual({ '*': expected });
  });

  it('imports every entry from ESM (Nest 12 app)', () => {
    const dir = checkFolder(ESM_APP);
    writeFileSync(
      join(dir, 'imports.mjs'),
      `const loaded = {};
      for (const specifier of ${JSON.stringify(codeSubpaths().map(specifierOf))}) {
        loaded[specifier] = Object.keys(await import(specifier)).length;
      }
      console.log(JSON.stringify(loaded));`,
    );
    const loaded = JSON.parse(node(['imports.mjs'], dir)) as Record<string, number>;
    expect(Object.keys(loaded)).toStrictEqual(codeSubpaths().map(specifierOf));
    for (const count of Object.values(loaded)) expect(count).toBeGreaterThan(0);
  });

  it('requires every entry from CommonJS (Nest 11 app, require of ESM)', () => {
    const dir = checkFolder(CJS_APP);
    writeFileSync(
      join(dir, 'requires.cjs'),
      `const loaded = {};
      for (const specifier of ${JSON.stringify(codeSubpaths().map(specifierOf))}) {
        loaded[specifier] = Object.keys(require(specifier)).length;
      }
      loaded.version = require('nestjs-api-errors/package.json').version;
      loaded.ErrorsModule = typeof require('nestjs-api-errors').ErrorsModule;
      console.log(JSON.stringify(loaded));`,
    );
    const loaded = JSON.parse(node(['requires.cjs'], dir)) as Record<string, unknown>;
    for (const specifier of codeSubpaths().map(specifierOf)) {
      expect(loaded[specifier]).toBeGreaterThan(0);
    }
    expect(loaded.version).toBe(manifest().version);
    expect(loaded.ErrorsModule).toBe('function');
  });

  it('loads every entry, swagger included, without class-validator and class-transformer', () => {
    // `nestjs-api-errors/swagger` loads them only to document DTO classes.
    const dir = checkFolder(WITHOUT_VALIDATION_APP);
    writeFileSync(
      join(dir, 'requires-without-validation.cjs'),
      `const loaded = {};
      for (const specifier of ${JSON.stringify(['@nestjs/swagger', ...codeSubpaths().map(specifierOf)])}) {
        try {
          loaded[specifier] = Object.keys(require(specifier)).length;
        } catch (error) {
          loaded[specifier] = error.code + ': ' + error.message.split('\\n')[0];
        }
      }
      console.log(JSON.stringify(loaded));`,
    );
    const loaded = JSON.parse(node(['requires-without-validation.cjs'], dir)) as Record<
      string,
      number | string
    >;
    const expected = ['@nestjs/swagger', ...codeSubpaths().map(specifierOf)];
    expect(Object.keys(loaded)).toStrictEqual(expected);
    expect(loaded[SWAGGER_ENTRY]).toBeGreaterThan(0);
    for (const count of Object.values(loaded)) expect(count).toBeGreaterThan(0);
  });

  it.each([
    [ESM_APP, 'nodenext, ESM'],
    [CJS_APP, '"module": "commonjs", node10 resolution'],
  ])('type-checks every entry and typical uses in the %s app (%s)', (app, _how) => {
    const dir = checkFolder(app);
    const imports = codeSubpaths()
      .map((subpath, index) => `import * as entry${index} from '${specifierOf(subpath)}';`)
      .join('\n');
    writeFileSync(
      join(dir, 'types.ts'),
      `${imports}
      import { defineError, ErrorsModule, type ErrorsModuleOptions, InvalidParameterError } from 'nestjs-api-errors';
      const options: ErrorsModuleOptions = {
        format: process.env.ERROR_FORMAT,
        production: true,
        validation: { allErrors: true },
      };
      ErrorsModule.forRoot(options);
      const ERR_OUT_OF_STOCK = defineError({ status: 409, code: 31, title: 'Out Of Stock' });
      const code: 31 = ERR_OUT_OF_STOCK.code;
      const thrown: number | string = new InvalidParameterError('x').code;
      // @ts-expect-error an unknown option is a type error
      ErrorsModule.forRoot({ formatt: 'meta' });
      import type { INestApplication } from '@nestjs/common';
      import type { OpenAPIObject } from '@nestjs/swagger';
      import { ApiErrors, documentErrors } from 'nestjs-api-errors/swagger';
      const documented = (app: INestApplication, document: OpenAPIObject): OpenAPIObject =>
        documentErrors(app, document, { documentOptions: { ignoreGlobalPrefix: true } });
      const onRoute: MethodDecorator = ApiErrors(ERR_OUT_OF_STOCK, [ERR_OUT_OF_STOCK, 'Only 2 left']);
      // @ts-expect-error the app comes first, then the document
      documentErrors({} as OpenAPIObject);
      export const used = [${codeSubpaths()
        .map((_, index) => `entry${index}`)
        .join(', ')}, code, thrown, documented, onRoute];
      `,
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: join(appDir(app), 'tsconfig.json'),
        compilerOptions: {
          noEmit: true,
          incremental: false,
          rootDir: '.',
          strict: true,
          types: ['node'],
        },
        files: ['types.ts'],
      }),
    );
    const tsc = join(dir, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('ships the client and testing entries, usable by their subpaths', () => {
    expect(packed().files).toEqual(
      expect.arrayContaining([
        'dist/client/index.js',
        'dist/client/index.d.ts',
        'dist/testing/index.js',
        'dist/cli/main.js',
      ]),
    );
    const dir = checkFolder(ESM_APP);
    writeFileSync(
      join(dir, 'client.mjs'),
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
    expect(JSON.parse(node(['client.mjs'], dir))).toStrictEqual({
      code: 99,
      requestId: 'r-1',
      retry: 'function',
    });
  });

  it('runs the catalog CLI as an installed bin', () => {
    const dir = checkFolder(ESM_APP);
    writeFileSync(
      join(dir, 'errors.mjs'),
      `import { defineError } from 'nestjs-api-errors';
      export const ERR_SEAT_TAKEN = defineError({ status: 409, code: 41, title: 'Seat Taken' });`,
    );
    const bin = join(dir, 'node_modules', '.bin', 'nestjs-api-errors');
    const markdown = execFileSync(bin, ['catalog', '--entries', './errors.mjs', '--as', 'md'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(markdown).toContain('| `ERR_SEAT_TAKEN` | 409 | 41 | Seat Taken |');
    const missing = spawnSync(bin, ['catalog', '--entries', './nope.js'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/--entries \.\/nope\.js: no such file/);
  });
});
