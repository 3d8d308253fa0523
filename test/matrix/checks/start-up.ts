import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runToExit } from '../scratch-app.js';
import type { SmokeCheck } from './smoke-check.js';

/** A stack frame inside the installed library's shipped sources, as source maps resolve it. */
const LIBRARY_FRAME = /node_modules[\\/]nestjs-api-errors[\\/](src[\\/][\w./\\-]+\.ts):(\d+):(\d+)/;

export const START_UP_CHECKS: readonly SmokeCheck[] = [
  {
    name: 'an unknown ERROR_FORMAT stops the start-up, naming the valid formats',
    run: async ({ dir }) => {
      const { code, output } = await runToExit(dir, 'main.ts', { ERROR_FORMAT: 'xml' });
      expect(code).not.toBe(0);
      expect(output).not.toContain('listening on');
      expect(output).toContain(
        'Unknown error format "xml" in the "format" option; use one of "meta", "error", "flat", "error_code", "problem"',
      );

      // With --enable-source-maps the stack names the shipped TypeScript
      // source, and its line is the line that threw.
      const frame = LIBRARY_FRAME.exec(output);
      if (frame === null) throw new Error(`No frame in the library's sources:\n${output}`);
      const [, path, line] = frame;
      const source = readFileSync(join(dir, 'node_modules', 'nestjs-api-errors', path), 'utf8');
      expect(source.split('\n')[Number(line) - 1]).toContain('throw new TypeError(');
    },
  },
];
