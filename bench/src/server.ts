/**
 * One variant's server: `node bench/dist/server.js <variant> <adapter>`.
 * Listens on a free port of 127.0.0.1 and prints `BENCH_READY <port>` on
 * stdout once it accepts requests. SIGTERM or SIGINT closes it cleanly (so
 * `--cpu-prof` gets to write its profile). `BENCH_MEMORY_ROUTE=1` adds the
 * memory route.
 */
import type { AddressInfo } from 'node:net';
import { createBenchApp } from './app.js';
import { isAdapterName, isVariantName } from './variants.js';

const [variant = '', adapter = ''] = process.argv.slice(2);
if (!isVariantName(variant) || !isAdapterName(adapter)) {
  console.error(
    `usage: node bench/dist/server.js <variant> <express|fastify> (got ${variant} ${adapter})`,
  );
  process.exit(2);
}

const app = await createBenchApp(variant, adapter, {
  memoryRoute: process.env.BENCH_MEMORY_ROUTE === '1',
});
await app.listen(0, '127.0.0.1');
const { port } = (app.getHttpServer() as { address(): AddressInfo }).address();

let closing = false;
const close = (): void => {
  if (closing) return;
  closing = true;
  app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', close);
process.on('SIGINT', close);
// The orchestrator going away (even killed) closes this pipe: do not outlive it.
process.stdin.on('end', close);
process.stdin.resume();

process.stdout.write(`BENCH_READY ${port}\n`);
