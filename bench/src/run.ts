import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Adapter, Variant } from './apps.js';
import { disconnect, drive, type Target } from './load.js';

/** Settings, from the environment; the defaults take about six minutes on two cores. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 8_000);
const MEASURED = Number(process.env.BENCH_REQUESTS ?? 8_000);
const STEP = 200;
const MEMORY_ERRORS = Number(process.env.BENCH_MEMORY_ERRORS ?? 1_000_000);
const ADAPTERS = (process.env.BENCH_ADAPTERS ?? 'express,fastify').split(',') as Adapter[];

interface Pair {
  readonly name: string;
  readonly baseline: Variant;
  readonly ours: Variant;
  readonly request: Omit<Target, 'port'>;
}

const PAIRS: readonly Pair[] = [
  {
    name: "thrown BadRequestException: Nest's filter / ErrorsModule",
    baseline: 'nest',
    ours: 'ours',
    request: { method: 'GET', path: '/error', status: 400 },
  },
  {
    name: "failing DTO: Nest's ValidationPipe / ErrorsModule's",
    baseline: 'nest-validation',
    ours: 'ours-validation',
    request: { method: 'POST', path: '/items', body: '{}', status: 400 },
  },
  {
    name: "unknown route: Nest's 404 / ErrorsModule's",
    baseline: 'nest',
    ours: 'ours',
    request: { method: 'GET', path: '/no-such-route', status: 404 },
  },
  {
    name: 'route without / with TwoFactorAuthGuard (async session lookup)',
    baseline: 'guard-off',
    ours: 'guard-on',
    request: { method: 'GET', path: '/me', headers: { authorization: 'Bearer t1' }, status: 200 },
  },
];

interface Stats {
  readonly cpu: NodeJS.CpuUsage;
  readonly memory: NodeJS.MemoryUsage;
}

interface Server {
  readonly port: number;
  stats(gc?: boolean): Promise<Stats>;
  stop(): void;
}

const SERVER = fileURLToPath(new URL('./server.js', import.meta.url));
/** Server on CPU 0, this process (the load) on CPU 1, when `taskset` is there. */
const PIN = existsSync('/usr/bin/taskset');
let nextPort = 4600;

async function start(adapter: Adapter, variant: Variant, gc = false): Promise<Server> {
  const port = nextPort++;
  const args = [...(gc ? ['--expose-gc'] : []), SERVER, adapter, variant, String(port)];
  const child: ChildProcess = PIN
    ? spawn('taskset', ['-c', '0', process.execPath, ...args], {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      })
    : spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ask = (message: string) =>
    new Promise<any>((resolve) => {
      child.once('message', resolve);
      child.send(message);
    });
  await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`${adapter} ${variant} exited with ${code}`)));
  });
  child.removeAllListeners('exit');
  return {
    port,
    stats: (gcFirst) => ask(gcFirst ? 'gc' : 'stats'),
    stop: () => {
      disconnect(port);
      child.kill();
    },
  };
}

const cpuMicros = (before: Stats, after: Stats) =>
  after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Both servers fresh each round and alive together; driven alternately in
 * steps of 200 requests (A B B A ...), so the machine's drift hits both
 * alike. Cost = server CPU time per request; the figure is baseline / ours.
 */
async function measurePair(adapter: Adapter, pair: Pair) {
  const ratios: number[] = [];
  const perRequest = { baseline: [] as number[], ours: [] as number[] };
  const perSecond = { baseline: [] as number[], ours: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    const servers = {
      baseline: await start(adapter, pair.baseline),
      ours: await start(adapter, pair.ours),
    };
    try {
      const order =
        round % 2 === 0 ? (['baseline', 'ours'] as const) : (['ours', 'baseline'] as const);
      for (const side of order) await drive({ ...pair.request, port: servers[side].port }, WARMUP);
      const before = { baseline: await servers.baseline.stats(), ours: await servers.ours.stats() };
      const busy = { baseline: 0, ours: 0 };
      for (let step = 0; step < MEASURED / STEP; step++) {
        const sides = step % 2 === 0 ? order : ([order[1], order[0]] as const);
        for (const side of sides) {
          const started = performance.now();
          await drive({ ...pair.request, port: servers[side].port }, STEP);
          busy[side] += performance.now() - started;
        }
      }
      const after = { baseline: await servers.baseline.stats(), ours: await servers.ours.stats() };
      for (const side of ['baseline', 'ours'] as const) {
        perRequest[side].push(cpuMicros(before[side], after[side]) / MEASURED);
        perSecond[side].push((MEASURED / busy[side]) * 1000);
      }
      ratios.push(perRequest.baseline.at(-1)! / perRequest.ours.at(-1)!);
    } finally {
      servers.baseline.stop();
      servers.ours.stop();
    }
  }
  return { ratios, perRequest, perSecond };
}

/** Heap and RSS of ErrorsModule's server after 100,000 errors and after all of them. */
async function measureMemory(adapter: Adapter) {
  const server = await start(adapter, 'ours', true);
  const target = { method: 'GET', path: '/error', status: 400, port: server.port } as const;
  try {
    await drive(target, 100_000);
    const early = await server.stats(true);
    await drive(target, MEMORY_ERRORS - 100_000);
    const late = await server.stats(true);
    const mb = (bytes: number) => bytes / 2 ** 20;
    return {
      heap: mb(late.memory.heapUsed - early.memory.heapUsed),
      rss: mb(late.memory.rss - early.memory.rss),
    };
  } finally {
    server.stop();
  }
}

const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);
const signed = (n: number) => `${n >= 0 ? '+' : ''}${f1(n)}`;

console.log(
  `node ${process.version}, ${ROUNDS} rounds of ${MEASURED} requests per server after ${WARMUP} of warm-up\n`,
);
console.log(
  '| pair | adapter | CPU µs/request, baseline / ours | ratio (median, min–max) | req/s, baseline / ours |',
);
console.log('|---|---|---|---|---|');
for (const pair of PAIRS) {
  for (const adapter of ADAPTERS) {
    const { ratios, perRequest, perSecond } = await measurePair(adapter, pair);
    console.log(
      `| ${pair.name} | ${adapter} | ${f1(median(perRequest.baseline))} / ${f1(median(perRequest.ours))} ` +
        `| **${f2(median(ratios))}** (${f2(Math.min(...ratios))}–${f2(Math.max(...ratios))}) ` +
        `| ${Math.round(median(perSecond.baseline))} / ${Math.round(median(perSecond.ours))} |`,
    );
  }
}
console.log(`\n| memory over ${MEMORY_ERRORS.toLocaleString('en')} errors | heap | RSS |`);
console.log('|---|---|---|');
for (const adapter of ADAPTERS) {
  const { heap, rss } = await measureMemory(adapter);
  console.log(`| ${adapter}: from 100,000 errors on | ${signed(heap)} MB | ${signed(rss)} MB |`);
}
