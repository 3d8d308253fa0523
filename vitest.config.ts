import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests import the library by its package name, as users do; here the
    // name points at the sources. The packed-tarball test checks the build.
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
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts', 'test/**/*.e2e-spec.ts'],
    // An unhandled rejection anywhere (a client hanging up mid-request, a
    // failing logger) crashes the test worker instead of passing unnoticed.
    execArgv: ['--unhandled-rejections=strict'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
