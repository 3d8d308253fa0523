/**
 * Profiles servers under load and shows where their CPU time goes:
 *
 *   node bench/dist/profile.js <express|fastify> <variant> [<variant> ...]
 *   node bench/dist/profile.js --summarise <file.cpuprofile> [requests]
 *
 * Each variant's server runs with `--cpu-prof`; they are loaded in turn, one
 * second each, for `PROFILE_SECONDS` (default 20) seconds each, so that every
 * profile sees the same background noise; `PROFILE_CONNECTIONS` (10) and
 * `PROFILE_PIPELINING` (1) set the load. The profiles are written under
 * bench/results/profiles/ and summarised per request: self time by package
 * and by function, inclusive time of this library's functions and of
 * everything under the filter's `catch()`, and, for two or more variants, the
 * difference of each from the first.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { drive } from './load.js';
import { killAll, type RunningServer, startServer } from './processes.js';
import { table } from './report.js';
import { isAdapterName, isVariantName, REQUESTS, type VariantName } from './variants.js';

const PROFILES = fileURLToPath(new URL('../results/profiles/', import.meta.url));

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Microseconds, by function or package. */
type Times = Map<string, number>;

interface Analysis {
  readonly busyUs: number;
  readonly totalUs: number;
  readonly selfByArea: Times;
  readonly selfByFunction: Times;
  /** Inclusive time of this library's functions. */
  readonly library: Times;
  /** Inclusive time of every function under the filter's catch(). */
  readonly underFilter: Times;
}

/** Where a script belongs: this library, a package of node_modules, Node itself, or V8. */
function areaOf(url: string, name: string): string {
  if (url === '') return name.startsWith('(') ? name : '(native)';
  if (url.startsWith('node:')) return 'node';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg !== null) return pkg[1];
  if (url.includes('/bench/dist/')) return 'bench app';
  if (url.includes('/dist/')) return 'nestjs-api-errors';
  return url;
}

function keyOf(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url
    .replace(/^file:\/\/.*?\/node_modules\//, '')
    .replace(/^file:\/\/.*?\/(bench\/dist|dist)\//, '$1/');
  return `${functionName || '(anonymous)'} ${file}${url === '' ? '' : `:${lineNumber + 1}`}`;
}

const isLibrary = (node: ProfileNode): boolean =>
  areaOf(node.callFrame.url, node.callFrame.functionName) === 'nestjs-api-errors';

const add = (times: Times, key: string, us: number): void => {
  times.set(key, (times.get(key) ?? 0) + us);
};

export function analyse(profile: CpuProfile): Analysis {
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  );
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parentOf.set(child, node.id);

  const analysis: Analysis = {
    busyUs: 0,
    totalUs: 0,
    selfByArea: new Map(),
    selfByFunction: new Map(),
    library: new Map(),
    underFilter: new Map(),
  };
  let busyUs = 0;
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    const leaf = byId.get(id)!;
    totalUs += us;
    if (leaf.callFrame.functionName === '(idle)') continue;
    busyUs += us;
    add(analysis.selfByFunction, keyOf(leaf), us);
    add(analysis.selfByArea, areaOf(leaf.callFrame.url, leaf.callFrame.functionName), us);

    const stack: ProfileNode[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at))
      stack.push(byId.get(at)!);
    // Each function counted once per stack, however deep its recursion.
    const seen = new Set<string>();
    for (const node of stack) {
      const key = keyOf(node);
      if (isLibrary(node) && !seen.has(key)) add(analysis.library, key, us);
      seen.add(key);
    }
    const entry = stack.findLastIndex(
      (node) => isLibrary(node) && node.callFrame.functionName === 'catch',
    );
    if (entry !== -1) {
      const under = new Set(stack.slice(0, entry + 1).map(keyOf));
      for (const key of under) add(analysis.underFilter, key, us);
    }
  }
  return { ...analysis, busyUs, totalUs };
}

const top = (times: Times, n: number): [string, number][] =>
  [...times].sort((a, b) => b[1] - a[1]).slice(0, n);

export function render(analysis: Analysis, requests?: number, rows = 30): string {
  const each = (us: number): string => (requests === undefined ? '' : (us / requests).toFixed(2));
  const line = ([key, us]: [string, number]): string[] => [
    key,
    (us / 1000).toFixed(0),
    `${((100 * us) / analysis.busyUs).toFixed(1)}%`,
    each(us),
  ];
  const header = (first: string): string[] => [first, 'ms', 'of busy', 'µs/request'];
  return [
    `busy ${(analysis.busyUs / 1000).toFixed(0)} ms of ${(analysis.totalUs / 1000).toFixed(0)} ms sampled` +
      (requests === undefined
        ? ''
        : `; ${requests} requests, ${each(analysis.busyUs)} µs busy per request`),
    '',
    'Self time by package:',
    table(header('package'), top(analysis.selfByArea, 15).map(line)),
    '',
    `Self time by function (top ${rows}):`,
    table(header('function'), top(analysis.selfByFunction, rows).map(line)),
    '',
    'Inclusive time of nestjs-api-errors functions:',
    table(header('function'), top(analysis.library, 20).map(line)),
    ...(analysis.underFilter.size === 0
      ? []
      : [
          '',
          "Inclusive time of everything under the filter's catch():",
          table(header('function'), top(analysis.underFilter, rows).map(line)),
        ]),
  ].join('\n');
}

/** Per-request self time of `b` minus that of `a`, by package and by function. */
export function difference(
  a: { name: string; analysis: Analysis; requests: number },
  b: { name: string; analysis: Analysis; requests: number },
  rows = 30,
): string {
  const compare = (pick: (x: Analysis) => Times): string[][] => {
    const keys = new Set([...pick(a.analysis).keys(), ...pick(b.analysis).keys()]);
    return [...keys]
      .map((key) => {
        const usA = (pick(a.analysis).get(key) ?? 0) / a.requests;
        const usB = (pick(b.analysis).get(key) ?? 0) / b.requests;
        return { key, usA, usB, delta: usB - usA };
      })
      .sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta))
      .slice(0, rows)
      .map(({ key, usA, usB, delta }) => [
        key,
        usA.toFixed(2),
        usB.toFixed(2),
        `${delta >= 0 ? '+' : ''}${delta.toFixed(2)}`,
      ]);
  };
  const busyA = a.analysis.busyUs / a.requests;
  const busyB = b.analysis.busyUs / b.requests;
  const header = (first: string): string[] => [first, `${a.name} µs/req`, `${b.name} µs/req`, 'Δ'];
  return [
    `${b.name} − ${a.name}: busy ${busyA.toFixed(2)} → ${busyB.toFixed(2)} µs per request ` +
      `(${busyB >= busyA ? '+' : ''}${(busyB - busyA).toFixed(2)}, ×${(busyB / busyA).toFixed(3)})`,
    '',
    table(header('package'), compare((x) => x.selfByArea).slice(0, 12)),
    '',
    table(
      header('function (self time)'),
      compare((x) => x.selfByFunction),
    ),
  ].join('\n');
}

async function profileVariants(adapter: string, variants: readonly string[]): Promise<void> {
  const usage = 'usage: node bench/dist/profile.js <express|fastify> <variant> [<variant> ...]';
  if (!isAdapterName(adapter) || variants.length === 0) throw new Error(usage);
  for (const variant of variants)
    if (!isVariantName(variant)) throw new Error(`${usage}\nunknown ${variant}`);
  const names = variants as readonly VariantName[];
  const seconds = Number(process.env.PROFILE_SECONDS ?? 20);
  const dir = `${PROFILES}${new Date()
    .toISOString()
    .replaceAll(':', '-')
    .replace(/\.\d+Z$/, 'Z')}/`;
  mkdirSync(dir, { recursive: true });

  const servers: RunningServer[] = [];
  const requests = new Map<VariantName, number>(names.map((name) => [name, 0]));
  try {
    for (const name of names) {
      servers.push(
        await startServer(name, adapter, {
          nodeFlags: [
            '--cpu-prof',
            `--cpu-prof-dir=${dir}`,
            `--cpu-prof-name=${name}-${adapter}.cpuprofile`,
            '--cpu-prof-interval=100',
          ],
        }),
      );
    }
    const load = {
      connections: Number(process.env.PROFILE_CONNECTIONS ?? 10),
      pipelining: Number(process.env.PROFILE_PIPELINING ?? 1),
      duration: 1,
    };
    for (let second = 0; second < seconds; second++) {
      for (const server of second % 2 === 0 ? servers : [...servers].reverse()) {
        const result = await drive(server.url, REQUESTS[server.variant], load);
        if (result.wrong + result.errors > 0) throw new Error(`${server.variant} answered wrong`);
        requests.set(server.variant, requests.get(server.variant)! + result.responses);
      }
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }

  const results = names.map((name) => {
    const file = `${dir}${name}-${adapter}.cpuprofile`;
    const analysis = analyse(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
    return { name, file, analysis, requests: requests.get(name)! };
  });
  for (const result of results) {
    console.log(`\n===== ${result.name} on ${adapter}: ${result.file}\n`);
    console.log(render(result.analysis, result.requests));
  }
  for (const result of results.slice(1)) {
    console.log(`\n===== ${result.name} vs ${results[0].name} on ${adapter}\n`);
    console.log(difference(results[0], result));
  }
}

const args = process.argv.slice(2);
try {
  if (args[0] === '--summarise') {
    const requests = args[2] === undefined ? undefined : Number(args[2]);
    console.log(
      render(analyse(JSON.parse(readFileSync(args[1] ?? '', 'utf8')) as CpuProfile), requests),
    );
  } else {
    await profileVariants(args[0] ?? '', args.slice(1));
  }
} catch (error) {
  killAll();
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
