import type { AdapterName, VariantName } from './variants.js';

export interface Settings {
  readonly rounds: number;
  /** Seconds each server is driven per round. */
  readonly duration: number;
  /** Seconds each server is driven, unmeasured, before its first round. */
  readonly warmup: number;
  readonly connections: number;
  readonly pipelining: number;
  readonly control: boolean;
  readonly memoryRequests: number;
  readonly memoryBatch: number;
  readonly memoryConnections: number;
  readonly memoryPipelining: number;
  readonly startupRuns: number;
  readonly adapters: readonly AdapterName[];
  readonly sections: readonly string[];
  readonly groups: readonly string[];
  /** `BENCH_PIN=1`: which CPUs the load generator and the servers were pinned to. */
  readonly pinning?: string;
  /** Extra `ErrorsModule.forRoot()` options of every server using the library (JSON), if any. */
  readonly errorsOptions?: string;
}

export interface MachineInfo {
  readonly node: string;
  readonly platform: string;
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly loadAverageAtStart: readonly number[];
  readonly loadAverageAtEnd?: readonly number[];
  readonly nest: string;
  readonly express: string;
  readonly fastify: string;
  readonly library: string;
  readonly commit: string;
}

export interface SlotSummary {
  readonly adapter: AdapterName;
  readonly group: string;
  readonly id: string;
  readonly variant: VariantName;
  readonly request: string;
  readonly expectStatus: number;
  /** Requests per second of each round, in round order. */
  readonly roundsRps: readonly number[];
  readonly medianRps: number;
  /** Median over the rounds of each round's median latency. */
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  /** Server CPU time per response of each round, µs (NaN where /proc is missing). */
  readonly roundsCpuUs: readonly number[];
  /** Median of {@link roundsCpuUs}. */
  readonly serverCpuUs: number;
  /** Median share of one core the server used during a round. */
  readonly serverCpuShare: number;
  /** Median share of one core the load generator used during a round. */
  readonly loadCpuShare: number;
  /** Responses with a wrong status or body, warm-up included. */
  readonly wrong: number;
  /** Connection errors and timeouts, warm-up included. */
  readonly errors: number;
  /** What the full check of the first response found wrong, if anything. */
  readonly preflight?: string;
}

export type Verdict = 'pass' | 'fail' | 'info' | 'invalid';

export interface ComparisonSummary {
  readonly adapter: AdapterName;
  readonly a: string;
  readonly b: string;
  readonly meaning: string;
  readonly target?: number;
  /** B ÷ A of each round. */
  readonly ratios: readonly number[];
  readonly medianRatio: number;
  readonly minRatio: number;
  readonly maxRatio: number;
  /** The middle half of the per-round ratios lies between these. */
  readonly lowerQuartile: number;
  readonly upperQuartile: number;
  readonly medianRpsA: number;
  readonly medianRpsB: number;
  /** A's server CPU time per response ÷ B's, each round: the ratio the servers' own cost predicts. */
  readonly cpuRatios: readonly number[];
  readonly medianCpuRatio: number;
  readonly verdict: Verdict;
}

export interface MemorySnapshot {
  /** Requests sent before it was taken. */
  readonly after: number;
  readonly rss: number;
  readonly heapUsed: number;
}

export interface MemorySummary {
  readonly adapter: AdapterName;
  readonly requests: number;
  readonly rps: number;
  readonly snapshots: readonly MemorySnapshot[];
  readonly first: MemorySnapshot;
  readonly last: MemorySnapshot;
  readonly rssGrowth: number;
  readonly heapGrowth: number;
  readonly statuses: Readonly<Record<string, number>>;
  readonly wrong: number;
  readonly errors: number;
  readonly rssVerdict: Verdict;
  readonly heapVerdict: Verdict;
}

export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: readonly number[];
}

export interface StartupSummary {
  readonly runs: number;
  readonly importCold: Spread;
  readonly importOwn: Spread;
  readonly apps: readonly {
    readonly adapter: AdapterName;
    readonly without: Spread;
    readonly with: Spread;
    /** Median of with − without, paired run by run. */
    readonly extraMs: number;
  }[];
}

/** One case of bench/dist/micro.js: nanoseconds per call, median of its batches. */
export interface MicroResult {
  readonly section: string;
  readonly name: string;
  readonly ns: number;
}

/** One table per section; each row compared with the section's first. */
export function renderMicro(results: readonly MicroResult[]): string {
  const out: string[] = [];
  for (const section of new Set(results.map((r) => r.section))) {
    const rows = results.filter((r) => r.section === section);
    const base = rows[0].ns;
    out.push(
      table(
        [section, 'ns per call', `vs the first`],
        rows.map(({ name, ns }, i) => [
          name,
          fixed(ns, 0),
          i === 0 ? '' : `${ns >= base ? '+' : ''}${fixed(ns - base, 0)}`,
        ]),
      ),
      '',
    );
  }
  return out.join('\n');
}

export interface BenchReport {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly machine: MachineInfo;
  readonly settings: Settings;
  readonly throughput?: {
    readonly slots: readonly SlotSummary[];
    readonly comparisons: readonly ComparisonSummary[];
  };
  readonly memory?: readonly MemorySummary[];
  readonly startup?: StartupSummary;
  readonly micro?: readonly MicroResult[];
  /** Every target with a verdict passed. */
  readonly allTargetsMet: boolean;
  /** Some server answered something else than expected. */
  readonly wrongAnswers: boolean;
}

export const MB = 1024 * 1024;

const mark = (verdict: Verdict): string =>
  ({ pass: '✓', fail: '✗', info: '', invalid: '✗ wrong answers' })[verdict];

const int = (value: number): string =>
  Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '–';
const fixed = (value: number, digits: number): string =>
  Number.isFinite(value) ? value.toFixed(digits) : '–';
const percent = (share: number): string =>
  Number.isFinite(share) ? `${Math.round(share * 100)}%` : '–';
const mb = (bytes: number): string => `${fixed(bytes / MB, 1)} MB`;
const signedMb = (bytes: number): string => `${bytes >= 0 ? '+' : ''}${mb(bytes)}`;

/** A Markdown table whose columns are padded, so it also reads well in a terminal. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const width = (text: string): number => [...text].length;
  const widths = header.map((cell, i) => Math.max(width(cell), ...rows.map((r) => width(r[i]))));
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, i) => cell + ' '.repeat(widths[i] - width(cell))).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function renderMarkdown(report: BenchReport): string {
  const { machine: m, settings: s } = report;
  const out: string[] = [];
  out.push(`# nestjs-api-errors benchmark, ${report.startedAt}`);
  out.push('');
  out.push(
    `Node ${m.node} on ${m.platform}, ${m.cpuModel} × ${m.cores} cores, ${fixed(m.memoryGb, 1)} GB; ` +
      `load average ${m.loadAverageAtStart.map((l) => fixed(l, 2)).join(' ')} at start` +
      (m.loadAverageAtEnd === undefined
        ? ''
        : `, ${m.loadAverageAtEnd.map((l) => fixed(l, 2)).join(' ')} at end`) +
      '.',
  );
  out.push(
    `NestJS ${m.nest}, Express ${m.express}, Fastify ${m.fastify}, nestjs-api-errors ${m.library} (${m.commit}).`,
  );
  out.push('');
  out.push(
    `Settings: ${s.rounds} rounds × ${s.duration} s per server after ${s.warmup} s of warm-up, ` +
      `${s.connections} connections, pipelining ${s.pipelining}; memory: ${int(s.memoryRequests)} requests ` +
      `in batches of ${int(s.memoryBatch)}, ${s.memoryConnections} connections × pipelining ${s.memoryPipelining}; ` +
      `start-up: ${s.startupRuns} runs; CPU pinning: ${s.pinning ?? 'none'}.` +
      (s.errorsOptions === undefined
        ? ''
        : ` ErrorsModule.forRoot() options added: \`${s.errorsOptions}\`.`),
  );

  if (report.throughput !== undefined) {
    const { slots, comparisons } = report.throughput;
    out.push('', '## Throughput ratios', '');
    out.push(
      'B ÷ A is the median of the per-round ratios of requests per second (each round measures A ' +
        'and B a few seconds apart); half of the rounds lie within the quartiles, all within the ' +
        'range. The target applies ' +
        "to it. CPU ÷ is the same comparison from the servers' own CPU time per response " +
        "(A's ÷ B's, median of the rounds): what the ratio would be if nothing but the server " +
        'limited it.',
    );
    out.push('');
    out.push(
      table(
        [
          'adapter',
          'B ÷ A',
          'median',
          'quartiles',
          'range',
          'target',
          '',
          'CPU ÷',
          'A req/s',
          'B req/s',
        ],
        comparisons.map((c) => [
          c.adapter,
          `${c.b} ÷ ${c.a}`,
          fixed(c.medianRatio, 3),
          `${fixed(c.lowerQuartile, 2)}–${fixed(c.upperQuartile, 2)}`,
          `${fixed(c.minRatio, 2)}–${fixed(c.maxRatio, 2)}`,
          c.target === undefined ? '' : `≥ ${fixed(c.target, 2)}`,
          mark(c.verdict),
          fixed(c.medianCpuRatio, 3),
          int(c.medianRpsA),
          int(c.medianRpsB),
        ]),
      ),
    );
    out.push('', '## Servers', '');
    out.push(
      'Medians over the rounds. CPU µs/req: server CPU time (user + system) per response; ' +
        'server and load gen: share of one core each used during a round.',
    );
    out.push('');
    out.push(
      table(
        [
          'adapter',
          'server',
          'request',
          'expects',
          'req/s',
          'rounds (req/s)',
          'p50 / p99 ms',
          'CPU µs/req',
          'server',
          'load gen',
          'wrong',
          'errors',
        ],
        slots.map((slot) => [
          slot.adapter,
          slot.id,
          slot.request,
          String(slot.expectStatus),
          int(slot.medianRps),
          slot.roundsRps.map(int).join(' '),
          `${fixed(slot.latencyP50Ms, 0)} / ${fixed(slot.latencyP99Ms, 0)}`,
          fixed(slot.serverCpuUs, 1),
          percent(slot.serverCpuShare),
          percent(slot.loadCpuShare),
          String(slot.wrong) + (slot.preflight === undefined ? '' : ` (${slot.preflight})`),
          String(slot.errors),
        ]),
      ),
    );
  }

  if (report.memory !== undefined) {
    out.push('', '## Memory', '');
    out.push(
      'Server `ours` started with `--expose-gc`; error requests (`/error`, `/app-error`, an invalid ' +
        '`POST /orders`, an unknown route) in turn; `gc()` before each snapshot. ' +
        'Growth is from the first snapshot to the last; target ≤ 5 MB.',
    );
    out.push('');
    out.push(
      table(
        [
          'adapter',
          'requests',
          'req/s',
          'RSS first → last',
          'RSS growth',
          '',
          'heap first → last',
          'heap growth',
          '',
          'wrong',
          'errors',
        ],
        report.memory.map((x) => [
          x.adapter,
          `${int(x.first.after)} → ${int(x.last.after)}`,
          int(x.rps),
          `${mb(x.first.rss)} → ${mb(x.last.rss)}`,
          signedMb(x.rssGrowth),
          mark(x.rssVerdict),
          `${mb(x.first.heapUsed)} → ${mb(x.last.heapUsed)}`,
          signedMb(x.heapGrowth),
          mark(x.heapVerdict),
          String(x.wrong),
          String(x.errors),
        ]),
      ),
    );
    for (const x of report.memory) {
      out.push('');
      out.push(
        `${x.adapter} snapshots (requests: RSS / heapUsed): ` +
          x.snapshots
            .map(
              (snap) =>
                `${int(snap.after)}: ${fixed(snap.rss / MB, 1)} / ${fixed(snap.heapUsed / MB, 1)}`,
            )
            .join(', '),
      );
    }
  }

  if (report.startup !== undefined) {
    const st = report.startup;
    const spread = (x: Spread): string =>
      `${fixed(x.median, 1)} (${fixed(x.min, 1)}–${fixed(x.max, 1)})`;
    out.push('', '## Start-up', '');
    out.push(`Milliseconds, median (min–max) of ${st.runs} fresh processes each.`);
    out.push('');
    const rows: string[][] = [
      ["`await import('nestjs-api-errors')`, nothing loaded yet", spread(st.importCold)],
      ['the same, Nest and class-validator already loaded', spread(st.importOwn)],
    ];
    for (const app of st.apps) {
      rows.push([`create + init, ${app.adapter}, without ErrorsModule`, spread(app.without)]);
      rows.push([`create + init, ${app.adapter}, with ErrorsModule.forRoot()`, spread(app.with)]);
      rows.push([
        `ErrorsModule's share, ${app.adapter} (median of paired differences)`,
        fixed(app.extraMs, 1),
      ]);
    }
    out.push(table(['measurement', 'ms'], rows));
  }

  if (report.micro !== undefined) {
    out.push('', "## The library's own code, without HTTP", '');
    out.push(
      '`bench/dist/micro.js`: each call in a loop, with a recording HTTP adapter; nanoseconds ' +
        'per call, median of interleaved batches. What the library adds to a request beyond ' +
        'this is in the framework (the headers it sets) and on the wire.',
    );
    out.push('');
    out.push(renderMicro(report.micro));
  }

  out.push('');
  out.push(
    report.wrongAnswers
      ? '**Some server answered wrong: its numbers are not valid.**'
      : report.allTargetsMet
        ? 'Every target met.'
        : 'Some targets missed (✗ above).',
  );
  out.push('');
  return out.join('\n');
}
