import { type Adapter, startApp, type Variant } from './apps.js';

/**
 * One benchmark server: `node server.js <adapter> <variant> <port>`. The
 * runner asks it, over the IPC channel it was started with, for its CPU time
 * and memory; no HTTP route does that, so the routes measured are untouched.
 */
const [adapter, variant, port] = process.argv.slice(2);
await startApp(adapter as Adapter, variant as Variant, Number(port));

declare const gc: undefined | (() => void);
process.on('message', (message: string) => {
  if (message === 'gc' && typeof gc === 'function') gc();
  process.send?.({ cpu: process.cpuUsage(), memory: process.memoryUsage() });
});
// The runner gone, the server goes too.
process.on('disconnect', () => process.exit(0));
process.send?.({ ready: true });
