/**
 * One start-up measurement in a fresh process, printed as `BENCH_MS <ms>`:
 *
 * - `import`: `await import('nestjs-api-errors')` in a process that has
 *   loaded nothing (so it includes Nest, class-validator, ...);
 * - `import-own`: the same import once its dependencies are loaded: the
 *   package's own share;
 * - `app-with <adapter>` / `app-without <adapter>`: creating and initialising
 *   the benchmark app with `ErrorsModule.forRoot()` (variant `ours`) or without
 *   it (variant `nest-default`); every module is loaded before the clock starts.
 */
import { performance } from 'node:perf_hooks';

const [mode = '', adapter = 'express'] = process.argv.slice(2);

async function measure(): Promise<number> {
  switch (mode) {
    case 'import': {
      const start = performance.now();
      await import('nestjs-api-errors');
      return performance.now() - start;
    }
    case 'import-own': {
      await import('reflect-metadata');
      await Promise.all([
        import('@nestjs/common'),
        import('@nestjs/core'),
        import('class-validator'),
        import('class-transformer'),
        import('rxjs'),
      ]);
      const start = performance.now();
      await import('nestjs-api-errors');
      return performance.now() - start;
    }
    case 'app-with':
    case 'app-without': {
      const { createBenchApp } = await import('./app.js');
      const { isAdapterName } = await import('./variants.js');
      if (!isAdapterName(adapter)) throw new Error(`unknown adapter ${adapter}`);
      const start = performance.now();
      const app = await createBenchApp(mode === 'app-with' ? 'ours' : 'nest-default', adapter);
      await app.init();
      const elapsed = performance.now() - start;
      await app.close();
      return elapsed;
    }
    default:
      throw new Error(`unknown mode ${mode}`);
  }
}

process.stdout.write(`BENCH_MS ${(await measure()).toFixed(3)}\n`);
