import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Tests import the library by its package name, as users do; here the
    // name points at the sources. The packed-tarball test checks the build.
    alias: [
      {
        find: /^nestjs-api-errors\/swagger$/,
        replacement: fileURLToPath(new URL('./src/swagger/index.ts', import.meta.url)),
      },
      {
        find: /^nestjs-api-errors$/,
        replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)),
      },
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
