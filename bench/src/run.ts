/**
 * The orchestrator behind `npm run bench`: starts every server variant in its
 * own process, drives them with autocannon from this process, and writes the
 * report to stdout and bench/results/. See bench/README.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { drive, driveMixed, type LoadOptions, type LoadResult, preflight } from './load.js';
import { comparisonsOf, GROUP_KEYS, groupsOf, type Group } from './plan.js';
import {
  cpuTimeUs,
  killAll,
  pinProcesses,
  runNode,
  startServer,
  type RunningServer,
} from './processes.js';
import {
  type BenchReport,
  type ComparisonSummary,
  type MachineInfo,
  MB,
  type MemorySnapshot,
  type MemorySummary,
  type MicroResult,
  renderMarkdown,
  type Settings,
  type SlotSummary,
  type Spread,
  type StartupSummary,
} from './report.js';
import { max, median, min, quantile } from './stats.js';
import {
  ADAPTERS,
  type AdapterName,
  isAdapterName,
  MEMORY_REQUESTS,
  MEMORY_ROUTE,
  PROOFS,
  REQUESTS,
} from './variants.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RESULTS = fileURLToPath(new URL('../results/', import.meta.url));
const PROBE = fileURLToPath(new URL('./startup-probe.js', import.meta.url));
const SECTIONS = ['throughput', 'memory', 'startup', 'micro'] as const;
const MICRO = fileURLToPath(new URL('./micro.js', import.meta.url));
const MEMORY_GROWTH_LIMIT = 5 * MB;

function numberFrom(name: string, fallback: number, { integer = true, least = 1 } = {}): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replaceAll('_', ''));
  if (!Number.isFinite(value) || value < least || (integer && !Number.isInteger(value))) {
    throw new Error(`${name}=${raw}: expected ${integer ? 'an integer' : 'a number'} ≥ ${least}`);
  }
  return value;
}

function listFrom<T extends string>(name: string, all: readonly T[]): T[] {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return [...all];
  const picked = raw.split(',').map((item) => item.trim());
  for (const item of picked) {
    if (!(all as readonly string[]).includes(item)) {
      throw new Error(`${name}: unknown ${item}; use some of ${all.join(', ')}`);
    }
  }
  return all.filter((item) => picked.includes(item));
}

/** `BENCH_ERRORS_OPTIONS`, checked here; the servers read it from their environment. */
function errorsOptions(): { errorsOptions?: string } {
  const raw = process.env.BENCH_ERRORS_OPTIONS;
  if (raw === undefined || raw === '') return {};
  const parsed: unknown = JSON.parse(raw);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('BENCH_ERRORS_OPTIONS must be a JSON object of ErrorsModule.forRoot() options');
  }
  return { errorsOptions: JSON.stringify(parsed) };
}

function readSettings(): Settings {
  const memoryRequests = numberFrom('BENCH_MEMORY_REQUESTS', 1_000_000);
  return {
    rounds: numberFrom('BENCH_ROUNDS', 10),
    duration: numberFrom('BENCH_DURATION', 2, { integer: false, least: 0.5 }),
    warmup: numberFrom('BENCH_WARMUP', 2, { integer: false, least: 0 }),
    connections: numberFrom('BENCH_CONNECTIONS', 10),
    pipelining: numberFrom('BENCH_PIPELINING', 1),
    control: process.env.BENCH_CONTROL !== '0',
    memoryRequests,
    memoryBatch: Math.min(100_000, memoryRequests),
    memoryConnections: numberFrom('BENCH_MEMORY_CONNECTIONS', 10),
    memoryPipelining: numberFrom('BENCH_MEMORY_PIPELINING', 10),
    startupRuns: numberFrom('BENCH_STARTUP_RUNS', 10),
    adapters: listFrom('BENCH_ADAPTERS', ADAPTERS).filter(isAdapterName),
    sections: listFrom('BENCH_SECTIONS', SECTIONS),
    groups: listFrom('BENCH_GROUPS', GROUP_KEYS),
    ...errorsOptions(),
  };
}

function versionOf(pkg: string): string {
  try {
    const json = readFileSync(`${ROOT}node_modules/${pkg}/package.json`, 'utf8');
    return (JSON.parse(json) as { version: string }).version;
  } catch {
    return '?';
  }
}

function commitOf(): string {
  try {
    const git = (...args: string[]): string =>
      execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = git('status', '--porcelain', '--', 'src').length > 0 ? ', src/ modified' : '';
    return `commit ${git('rev-parse', '--short', 'HEAD')}${dirty}`;
  } catch {
    return 'commit unknown';
  }
}

function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  const library = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string };
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: os.totalmem() / 1024 ** 3,
    loadAverageAtStart: os.loadavg(),
    nest: versionOf('@nestjs/core'),
    express: versionOf('express'),
    fastify: versionOf('fastify'),
    library: library.version,
    commit: commitOf(),
  };
}

const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

const rotate = <T>(items: readonly T[], by: number): T[] =>
  items.map((_, i) => items[(i + by) % items.length]);

// ---------------------------------------------------------------- throughput

/** A run of the load generator, with the CPU time the server and this process spent on it. */
interface Round extends LoadResult {
  /** Server CPU time per response, µs (Linux only). */
  readonly serverCpuUs?: number;
  /** Share of one core the server used during the run (Linux only). */
  readonly serverCpuShare?: number;
  /** Share of one core the load generator (this process) used. */
  readonly loadCpuShare: number;
}

async function measuredDrive(server: RunningServer, options: LoadOptions): Promise<Round> {
  const serverBefore = cpuTimeUs(server.pid);
  const ownBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const result = await drive(server.url, REQUESTS[server.variant], options);
  const wallUs = Number(process.hrtime.bigint() - started) / 1000;
  const own = process.cpuUsage(ownBefore);
  const serverAfter = cpuTimeUs(server.pid);
  const serverUs =
    serverBefore === undefined || serverAfter === undefined
      ? undefined
      : serverAfter - serverBefore;
  return {
    ...result,
    ...(serverUs === undefined || result.responses === 0
      ? {}
      : { serverCpuUs: serverUs / result.responses, serverCpuShare: serverUs / wallUs }),
    loadCpuShare: (own.user + own.system) / wallUs,
  };
}

interface SlotState {
  readonly server: RunningServer;
  readonly summary: Omit<
    SlotSummary,
    | 'roundsRps'
    | 'medianRps'
    | 'latencyP50Ms'
    | 'latencyP99Ms'
    | 'wrong'
    | 'errors'
    | 'roundsCpuUs'
    | 'serverCpuUs'
    | 'serverCpuShare'
    | 'loadCpuShare'
  >;
  readonly rounds: Round[];
  wrong: number;
  errors: number;
}

async function measureGroup(
  group: Group,
  adapter: AdapterName,
  settings: Settings,
): Promise<SlotSummary[]> {
  const states = new Map<string, SlotState>();
  try {
    for (const { id, variant } of group.slots) {
      const server = await startServer(variant, adapter);
      const spec = REQUESTS[variant];
      const proof = PROOFS[variant];
      const problem =
        (await preflight(server.url, spec)) ??
        (proof === undefined ? undefined : await preflight(server.url, proof));
      if (problem !== undefined) log(`  ✗ ${id} on ${adapter} answers wrong: ${problem}`);
      states.set(id, {
        server,
        summary: {
          adapter,
          group: group.name,
          id,
          variant,
          request: `${spec.method} ${spec.path}`,
          expectStatus: spec.expectStatus,
          ...(problem === undefined ? {} : { preflight: problem }),
        },
        rounds: [],
        wrong: problem === undefined ? 0 : 1,
        errors: 0,
      });
    }
    const load = { connections: settings.connections, pipelining: settings.pipelining };
    if (settings.warmup > 0) {
      for (const state of states.values()) {
        const warm = await drive(state.server.url, REQUESTS[state.server.variant], {
          ...load,
          duration: settings.warmup,
        });
        state.wrong += warm.wrong;
        state.errors += warm.errors;
      }
    }
    for (let round = 0; round < settings.rounds; round++) {
      const line: string[] = [];
      for (const { id } of rotate(group.slots, round)) {
        const state = states.get(id)!;
        const result = await measuredDrive(state.server, { ...load, duration: settings.duration });
        state.rounds.push(result);
        state.wrong += result.wrong;
        state.errors += result.errors;
        line.push(
          `${id} ${Math.round(result.rps)}${result.wrong + result.errors > 0 ? ' (WRONG)' : ''}`,
        );
      }
      log(`  ${adapter} ${group.name}, round ${round + 1}/${settings.rounds}: ${line.join(', ')}`);
    }
  } finally {
    await Promise.all([...states.values()].map((state) => state.server.stop()));
  }
  // Rounds are kept in the order the slots are listed, whatever order they ran in.
  return group.slots.map(({ id }) => {
    const state = states.get(id)!;
    const cpu = state.rounds.map((r) => r.serverCpuUs ?? Number.NaN);
    return {
      ...state.summary,
      roundsRps: state.rounds.map((r) => r.rps),
      medianRps: median(state.rounds.map((r) => r.rps)),
      roundsCpuUs: cpu,
      serverCpuUs: median(cpu),
      serverCpuShare: median(state.rounds.map((r) => r.serverCpuShare ?? Number.NaN)),
      loadCpuShare: median(state.rounds.map((r) => r.loadCpuShare)),
      latencyP50Ms: median(state.rounds.map((r) => r.latencyP50Ms)),
      latencyP99Ms: median(state.rounds.map((r) => r.latencyP99Ms)),
      wrong: state.wrong,
      errors: state.errors,
    };
  });
}

function compare(slots: readonly SlotSummary[], settings: Settings): ComparisonSummary[] {
  const out: ComparisonSummary[] = [];
  for (const adapter of settings.adapters) {
    for (const comparison of comparisonsOf(settings.control)) {
      const a = slots.find((s) => s.adapter === adapter && s.id === comparison.a);
      const b = slots.find((s) => s.adapter === adapter && s.id === comparison.b);
      if (a === undefined || b === undefined) continue;
      const ratios = a.roundsRps.map((rps, round) => b.roundsRps[round] / rps);
      const medianRatio = median(ratios);
      // The same comparison from the server's CPU time per request: A's cost ÷ B's.
      const cpuRatios = a.roundsCpuUs.map((us, round) => us / b.roundsCpuUs[round]);
      const answeredWrong = a.wrong + a.errors + b.wrong + b.errors > 0;
      out.push({
        adapter,
        a: a.id,
        b: b.id,
        meaning: comparison.meaning,
        ...(comparison.target === undefined ? {} : { target: comparison.target }),
        ratios,
        medianRatio,
        minRatio: min(ratios),
        maxRatio: max(ratios),
        lowerQuartile: quantile(ratios, 0.25),
        upperQuartile: quantile(ratios, 0.75),
        medianRpsA: a.medianRps,
        medianRpsB: b.medianRps,
        cpuRatios,
        medianCpuRatio: median(cpuRatios),
        verdict: answeredWrong
          ? 'invalid'
          : comparison.target === undefined
            ? 'info'
            : medianRatio >= comparison.target
              ? 'pass'
              : 'fail',
      });
    }
  }
  return out;
}

async function measureThroughput(
  settings: Settings,
): Promise<NonNullable<BenchReport['throughput']>> {
  const slots: SlotSummary[] = [];
  for (const adapter of settings.adapters) {
    for (const group of groupsOf(settings.control)) {
      if (!settings.groups.includes(group.key)) continue;
      log(`throughput: ${adapter}, ${group.name} (${group.slots.map((s) => s.id).join(', ')})`);
      slots.push(...(await measureGroup(group, adapter, settings)));
    }
  }
  return { slots, comparisons: compare(slots, settings) };
}

// -------------------------------------------------------------------- memory

async function snapshot(url: string, after: number): Promise<MemorySnapshot> {
  const response = await fetch(url + MEMORY_ROUTE);
  const usage = (await response.json()) as NodeJS.MemoryUsage;
  return { after, rss: usage.rss, heapUsed: usage.heapUsed };
}

async function measureMemory(adapter: AdapterName, settings: Settings): Promise<MemorySummary> {
  const server = await startServer('ours', adapter, {
    nodeFlags: ['--expose-gc'],
    env: { BENCH_MEMORY_ROUTE: '1' },
  });
  try {
    const snapshots: MemorySnapshot[] = [await snapshot(server.url, 0)];
    const statuses: Record<string, number> = {};
    let wrong = 0;
    let errors = 0;
    let seconds = 0;
    let sent = 0;
    while (sent < settings.memoryRequests) {
      const amount = Math.min(settings.memoryBatch, settings.memoryRequests - sent);
      const result = await driveMixed(server.url, MEMORY_REQUESTS, {
        connections: Math.min(settings.memoryConnections, amount),
        pipelining: settings.memoryPipelining,
        amount,
      });
      sent += amount;
      seconds += result.seconds;
      wrong += result.wrong;
      errors += result.errors;
      for (const [status, count] of Object.entries(result.statuses)) {
        statuses[status] = (statuses[status] ?? 0) + count;
      }
      const snap = await snapshot(server.url, sent);
      snapshots.push(snap);
      log(
        `  memory ${adapter}: ${sent.toLocaleString('en-US')} requests, ` +
          `rss ${(snap.rss / MB).toFixed(1)} MB, heapUsed ${(snap.heapUsed / MB).toFixed(1)} MB`,
      );
    }
    const first = snapshots[1] ?? snapshots[0];
    const last = snapshots[snapshots.length - 1];
    const verdict = (growth: number) =>
      wrong + errors > 0 ? 'invalid' : growth <= MEMORY_GROWTH_LIMIT ? 'pass' : 'fail';
    return {
      adapter,
      requests: sent,
      rps: seconds > 0 ? sent / seconds : 0,
      snapshots,
      first,
      last,
      rssGrowth: last.rss - first.rss,
      heapGrowth: last.heapUsed - first.heapUsed,
      statuses,
      wrong,
      errors,
      rssVerdict: verdict(last.rss - first.rss),
      heapVerdict: verdict(last.heapUsed - first.heapUsed),
    };
  } finally {
    await server.stop();
  }
}

// ------------------------------------------------------------------- startup

async function probe(args: readonly string[]): Promise<number> {
  const { code, stdout, stderr } = await runNode([PROBE, ...args], ROOT);
  const ms = /^BENCH_MS ([\d.]+)$/m.exec(stdout);
  if (code !== 0 || ms === null) {
    throw new Error(`start-up probe ${args.join(' ')} failed (${code}):\n${stderr}`);
  }
  return Number(ms[1]);
}

const spreadOf = (runs: number[]): Spread => ({
  median: median(runs),
  min: min(runs),
  max: max(runs),
  runs,
});

async function measureStartup(settings: Settings): Promise<StartupSummary> {
  const probes: string[][] = [['import'], ['import-own']];
  for (const adapter of settings.adapters) {
    probes.push(['app-without', adapter], ['app-with', adapter]);
  }
  // One unmeasured run of each, so that every file is in the page cache.
  for (const args of probes) await probe(args);
  const runs = new Map<string, number[]>(probes.map((args) => [args.join(' '), []]));
  for (let run = 0; run < settings.startupRuns; run++) {
    for (const args of probes) runs.get(args.join(' '))!.push(await probe(args));
    log(`  start-up: run ${run + 1}/${settings.startupRuns}`);
  }
  return {
    runs: settings.startupRuns,
    importCold: spreadOf(runs.get('import')!),
    importOwn: spreadOf(runs.get('import-own')!),
    apps: settings.adapters.map((adapter) => {
      const without = runs.get(`app-without ${adapter}`)!;
      const withModule = runs.get(`app-with ${adapter}`)!;
      return {
        adapter,
        without: spreadOf(without),
        with: spreadOf(withModule),
        extraMs: median(withModule.map((ms, i) => ms - without[i])),
      };
    }),
  };
}

// --------------------------------------------------------------------- micro

async function measureMicro(): Promise<MicroResult[]> {
  const { code, stdout, stderr } = await runNode([MICRO, '--json'], ROOT);
  if (code !== 0) throw new Error(`micro.js failed (${code}):\n${stderr}`);
  return JSON.parse(stdout) as MicroResult[];
}

// ---------------------------------------------------------------------- main

function timestamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-');
}

async function main(): Promise<number> {
  const pinning = process.env.BENCH_PIN === '1' ? pinProcesses(os.cpus().length) : undefined;
  const settings = { ...readSettings(), pinning: pinning ?? 'none' };
  const started = new Date();
  const machine = machineInfo();
  log(
    `nestjs-api-errors benchmark: ${settings.sections.join(', ')} on ${settings.adapters.join(', ')}; ` +
      `${machine.cpuModel} × ${machine.cores}, Node ${machine.node}`,
  );

  const throughput = settings.sections.includes('throughput')
    ? await measureThroughput(settings)
    : undefined;
  let memory: MemorySummary[] | undefined;
  if (settings.sections.includes('memory')) {
    memory = [];
    for (const adapter of settings.adapters) {
      log(`memory: ${adapter}, ${settings.memoryRequests.toLocaleString('en-US')} error requests`);
      memory.push(await measureMemory(adapter, settings));
    }
  }
  let startup: StartupSummary | undefined;
  if (settings.sections.includes('startup')) {
    log(`start-up: ${settings.startupRuns} fresh processes per measurement`);
    startup = await measureStartup(settings);
  }

  let micro: MicroResult[] | undefined;
  if (settings.sections.includes('micro')) {
    log("micro: the library's per-request code alone, without HTTP");
    micro = await measureMicro();
  }

  const verdicts = [
    ...(throughput?.comparisons.map((c) => c.verdict) ?? []),
    ...(memory?.flatMap((m) => [m.rssVerdict, m.heapVerdict]) ?? []),
  ];
  const wrongAnswers =
    verdicts.includes('invalid') ||
    (throughput?.slots.some((slot) => slot.wrong + slot.errors > 0) ?? false);
  const report: BenchReport = {
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: { ...machine, loadAverageAtEnd: os.loadavg() },
    settings,
    ...(throughput === undefined ? {} : { throughput }),
    ...(memory === undefined ? {} : { memory }),
    ...(startup === undefined ? {} : { startup }),
    ...(micro === undefined ? {} : { micro }),
    allTargetsMet: !wrongAnswers && !verdicts.includes('fail'),
    wrongAnswers,
  };

  const markdown = renderMarkdown(report);
  const json = `${JSON.stringify(report, null, 2)}\n`;
  mkdirSync(RESULTS, { recursive: true });
  const name = timestamp(started);
  writeFileSync(`${RESULTS}${name}.json`, json);
  writeFileSync(`${RESULTS}${name}.md`, markdown);
  writeFileSync(`${RESULTS}latest.json`, json);
  writeFileSync(`${RESULTS}latest.md`, markdown);
  process.stdout.write(`\n${markdown}\nWritten to bench/results/${name}.{json,md} and latest.*\n`);
  // Missed targets are findings; only a server answering wrong makes the run fail.
  return wrongAnswers ? 1 : 0;
}

const interrupt = (): void => {
  killAll();
  process.exit(130);
};
process.once('SIGINT', interrupt);
process.once('SIGTERM', interrupt);

try {
  process.exitCode = await main();
} catch (error) {
  killAll();
  console.error(error);
  process.exitCode = 1;
}
