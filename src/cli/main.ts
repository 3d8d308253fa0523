#!/usr/bin/env node
// The `nestjs-api-errors` command: `npx nestjs-api-errors catalog --entries ./dist/errors.js`.
import { runCli } from './run.js';

process.exitCode = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
