/**
 * Profiles one variant's server under load and summarises where its CPU time
 * goes:
 *
 *   node bench/dist/profile.js <variant> <express|fastify> [seconds]
 *   node bench/dist/profile.js --summarise <file.cpuprofile>
 *
 * The server runs with `--cpu-prof`; the profile is written under
 * bench/results/profiles/ and summarised as self time by function, self time
 * by package, and inclusive time of this library's functions.
 */
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { drive } from './load.js';
import { killAll, startServer } from './processes.js';
import { table } from './report.js';
import { isAdapterName, isVariantName, REQUESTS } from './variants.js';

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

/** Where a script belongs: this library, a package of node_modules, Node itself, or V8. */
function areaOf(url: string, name: string): string {
  if (url === '') return name.startsWith('(') ? name : '(native)';
  if (url.startsWith('node:')) return 'node';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg !== null) return pkg[1];
  if (/\/bench\/dist\//.test(url)) return 'bench app';
  if (/\/dist\//.test(url)) return 'nestjs-api-errors';
  return url;
}

function shortUrl(url: string): string {
  return url
    .replace(/^file:\/\/.*?\/node_modules\//, '')
    .replace(/^file:\/\/.*?\/(dist|bench\/dist)\//, '$1/');
}

export function summarise(profile: CpuProfile, top = 30): string {
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const idle = [...selfUs].reduce(
    (sum, [id, us]) => (byId.get(id)?.callFrame.functionName === '(idle)' ? sum + us : sum),
    0,
  );
  const busy = total - idle;

  const keyOf = (node: ProfileNode): string => {
    const { functionName, url, lineNumber } = node.callFrame;
    return `${functionName || '(anonymous)'} ${shortUrl(url)}${url === '' ? '' : `:${lineNumber + 1}`}`;
  };
  const selfByFunction = new Map<string, number>();
  const selfByArea = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (us === 0 || node.callFrame.functionName === '(idle)') continue;
    const key = keyOf(node);
    selfByFunction.set(key, (selfByFunction.get(key) ?? 0) + us);
    const area = areaOf(node.callFrame.url, node.callFrame.functionName);
    selfByArea.set(area, (selfByArea.get(area) ?? 0) + us);
  }

  // Inclusive time of this library's functions, each counted once per stack.
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const node = byId.get(at)!;
      if (areaOf(node.callFrame.url, node.callFrame.functionName) !== 'nestjs-api-errors') continue;
      const key = keyOf(node);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }

  const pct = (us: number): string => `${((100 * us) / busy).toFixed(1)}%`;
  const ms = (us: number): string => (us / 1000).toFixed(0);
  const sorted = (map: Map<string, number>, n: number) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
  return [
    `busy ${ms(busy)} ms of ${ms(total)} ms sampled`,
    '',
    'Self time by package:',
    table(['area', 'ms', 'of busy'], sorted(selfByArea, 20).map(([k, us]) => [k, ms(us), pct(us)])),
    '',
    `Self time by function (top ${top}):`,
    table(['function', 'ms', 'of busy'], sorted(selfByFunction, top).map(([k, us]) => [k, ms(us), pct(us)])),
    '',
    'Inclusive time of nestjs-api-errors functions:',
    table(['function', 'ms', 'of busy'], sorted(inclusive, 25).map(([k, us]) => [k, ms(us), pct(us)])),
  ].join('\n');
}

async function profileVariant(variant: string, adapter: string, seconds: number): Promise<void> {
  if (!isVariantName(variant) || !isAdapterName(adapter)) {
    throw new Error('usage: node bench/dist/profile.js <variant> <express|fastify> [seconds]');
  }
  mkdirSync(PROFILES, { recursive: true });
  const before = new Set(readdirSync(PROFILES));
  const server = await startServer(variant, adapter, {
    nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${PROFILES}`, '--cpu-prof-interval=100'],
  });
  try {
    const load = { connections: 10, pipelining: 1 };
    await drive(server.url, REQUESTS[variant], { ...load, duration: 2 });
    const result = await drive(server.url, REQUESTS[variant], { ...load, duration: seconds });
    console.log(
      `${variant} on ${adapter}: ${Math.round(result.rps)} req/s under the profiler, ` +
        `${result.wrong} wrong, ${result.errors} errors`,
    );
  } finally {
    await server.stop();
  }
  const written = readdirSync(PROFILES).filter((name) => !before.has(name) && name.endsWith('.cpuprofile'));
  const newest = written.sort((a, b) => statSync(PROFILES + b).mtimeMs - statSync(PROFILES + a).mtimeMs)[0];
  if (newest === undefined) throw new Error('the server wrote no profile');
  console.log(`profile: bench/results/profiles/${newest}\n`);
  console.log(summarise(JSON.parse(readFileSync(PROFILES + newest, 'utf8')) as CpuProfile));
}

const args = process.argv.slice(2);
try {
  if (args[0] === '--summarise') {
    console.log(summarise(JSON.parse(readFileSync(args[1] ?? '', 'utf8')) as CpuProfile));
  } else {
    await profileVariant(args[0] ?? '', args[1] ?? '', Number(args[2] ?? 10));
  }
} catch (error) {
  killAll();
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
