import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

/** Tests of the packed tarball in scratch apps: slower, with their own set-up. */
const PACKAGE_TESTS = ['test/package/**/*.spec.ts', 'test/matrix/**/*.spec.ts'];

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests import the library by its package name, as users do; here the
    // name points at the sources. The package tests check the packed build.
    // Exact matches, so each subpath entry finds its own index.
    alias: [
      { find: /^nestjs-api-errors$/, replacement: source('./src/index.ts') },
      { find: /^nestjs-api-errors\/client$/, replacement: source('./src/client/index.ts') },
      { find: /^nestjs-api-errors\/testing$/, replacement: source('./src/testing/index.ts') },
      { find: /^nestjs-api-errors\/swagger$/, replacement: source('./src/swagger/index.ts') },
    ],
  },
  test: {
    globals: true,
    root: './',
    // An unhandled rejection anywhere (a client hanging up mid-request, a
    // failing logger) crashes the test worker instead of passing unnoticed.
    execArgv: ['--unhandled-rejections=strict'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'library',
          include: ['src/**/*.spec.ts', 'test/**/*.spec.ts', 'test/**/*.e2e-spec.ts'],
          exclude: [...configDefaults.exclude, ...PACKAGE_TESTS],
        },
      },
      {
        extends: true,
        test: {
          name: 'package',
          include: PACKAGE_TESTS,
          // Packs the tarball and installs the scratch apps once per run, and
          // only when a package test runs.
          globalSetup: ['test/package/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
