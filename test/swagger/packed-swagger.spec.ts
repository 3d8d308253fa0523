import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The `nestjs-api-errors/swagger` subpath as a user gets it: the package is
 * built into a folder of its own, packed, and installed into a scratch app
 * (inside the repository, so the peers resolve from its node_modules with no
 * network), which imports the subpath by name from ESM, CommonJS and
 * TypeScript. The root entry must load without `@nestjs/swagger`.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** A resolve hook refusing @nestjs/swagger, to prove who loads it. */
const DENY_SWAGGER = `
export async function resolve(specifier, context, next) {
  if (specifier === '@nestjs/swagger' || specifier.startsWith('@nestjs/swagger/')) {
    throw new Error('@nestjs/swagger was loaded');
  }
  return next(specifier, context);
}
`;

describe('the packed swagger subpath', { timeout: 180_000 }, () => {
  let scratch: string;
  let app: string;
  let files: string[];

  beforeAll(() => {
    mkdirSync(join(root, '.pack-test'), { recursive: true });
    scratch = mkdtempSync(join(root, '.pack-test', 'swagger-'));
    const pkg = join(scratch, 'package');
    mkdirSync(pkg);
    for (const file of ['package.json', 'README.md', 'LICENSE']) {
      copyFileSync(join(root, file), join(pkg, file));
    }
    // Built here rather than by `npm pack`'s prepack, which writes the repository's dist/.
    run(
      'node',
      [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', join(pkg, 'dist')],
      root,
    );
    const [packed] = JSON.parse(
      run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], pkg),
    ) as { filename: string; files: { path: string }[] }[];
    files = packed.files.map((file) => file.path);
    app = join(scratch, 'app');
    mkdirSync(app);
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({ name: 'scratch-swagger-app', private: true, type: 'module' }),
    );
    run(
      'npm',
      [
        'install',
        '--offline',
        '--no-audit',
        '--no-fund',
        '--legacy-peer-deps',
        join(scratch, packed.filename),
      ],
      app,
    );
    writeFileSync(join(app, 'deny-swagger.mjs'), DENY_SWAGGER);
    writeFileSync(
      join(app, 'register-deny.mjs'),
      `import { register } from 'node:module'; register('./deny-swagger.mjs', import.meta.url);`,
    );
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('ships the subpath’s build and types', () => {
    expect(files).toEqual(
      expect.arrayContaining(['dist/swagger/index.js', 'dist/swagger/index.d.ts']),
    );
  });

  it('documents an app from ESM', () => {
    writeFileSync(
      join(app, 'check.mjs'),
      `
      import 'reflect-metadata';
      import { Controller, Get, Module } from '@nestjs/common';
      import { NestFactory } from '@nestjs/core';
      import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
      import { ERR_USER_NOT_EXISTS, ErrorsModule, UserNotExistsError } from 'nestjs-api-errors';
      import { ApiErrors, documentErrors } from 'nestjs-api-errors/swagger';
      class UsersController { me() { throw new UserNotExistsError('No account found with this email'); } }
      const me = Object.getOwnPropertyDescriptor(UsersController.prototype, 'me');
      ApiErrors([ERR_USER_NOT_EXISTS, 'No account found with this email'])(UsersController.prototype, 'me', me);
      Get('me')(UsersController.prototype, 'me', me);
      Controller('users')(UsersController);
      class AppModule {}
      Module({ imports: [ErrorsModule.forRoot({ format: 'problem' })], controllers: [UsersController] })(AppModule);
      const app = await NestFactory.create(AppModule, { logger: false });
      const document = documentErrors(app, SwaggerModule.createDocument(app, new DocumentBuilder().build()));
      const media = document.paths['/users/me'].get.responses['404'].content['application/problem+json'];
      console.log(JSON.stringify(media.examples['21-user-not-exists'].value));
      await app.close();
      `,
    );
    expect(JSON.parse(run('node', ['check.mjs'], app))).toStrictEqual({
      type: 'urn:problem-type:user-not-exists',
      title: 'User Not Exists',
      status: 404,
      detail: 'No account found with this email',
      instance: '/users/me',
      code: 21,
      request_id: expect.any(String),
    });
  });

  it('is required from CommonJS', () => {
    writeFileSync(
      join(app, 'check.cjs'),
      `const swagger = require('nestjs-api-errors/swagger');
       console.log(Object.keys(swagger).sort().join(','));`,
    );
    expect(run('node', ['check.cjs'], app).trim()).toBe('ApiErrors,documentErrors');
  });

  it('keeps @nestjs/swagger out of the package root', () => {
    writeFileSync(
      join(app, 'root.mjs'),
      `const api = await import('nestjs-api-errors'); console.log(typeof api.ErrorsModule);`,
    );
    writeFileSync(join(app, 'subpath.mjs'), `await import('nestjs-api-errors/swagger');`);
    const withHook = (file: string) =>
      spawnSync('node', ['--import', './register-deny.mjs', file], { cwd: app, encoding: 'utf8' });
    const rootEntry = withHook('root.mjs');
    expect(rootEntry.stderr).toBe('');
    expect(rootEntry.stdout.trim()).toBe('function');
    // The hook does refuse it: the subpath, which needs it, fails to load.
    expect(withHook('subpath.mjs').stderr).toContain('@nestjs/swagger was loaded');
  });

  it('type-checks against the published declarations', () => {
    writeFileSync(
      join(app, 'check.ts'),
      `
      import type { INestApplication } from '@nestjs/common';
      import type { OpenAPIObject } from '@nestjs/swagger';
      import { ERR_PASSWORD_NOT_MATCH, type ErrorFormat } from 'nestjs-api-errors';
      import { ApiErrors, type ApiErrorEntry, documentErrors, type DocumentErrorsOptions } from 'nestjs-api-errors/swagger';
      const entries: ApiErrorEntry[] = [ERR_PASSWORD_NOT_MATCH, [ERR_PASSWORD_NOT_MATCH, 'Wrong password']];
      export const decorate = ApiErrors(...entries);
      const options: DocumentErrorsOptions = { errorsOptions: { format: 'flat' }, documentOptions: { ignoreGlobalPrefix: true } };
      export const build = (app: INestApplication, document: OpenAPIObject): OpenAPIObject => documentErrors(app, document, options);
      export const plain: ErrorFormat = {
        name: 'plain',
        contentType: 'application/json',
        render: (report) => ({ status: report.definition.status, body: {} }),
        openApi: { name: 'PlainError', schema: { type: 'object' }, codePath: ['code'] },
      };
      // @ts-expect-error an entry is a catalog entry
      ApiErrors({ code: 1 });
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
    const result = spawnSync('node', [tsc, '-p', 'tsconfig.json'], { cwd: app, encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
