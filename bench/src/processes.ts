import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AdapterName, VariantName } from './variants.js';

const SERVER_SCRIPT = fileURLToPath(new URL('./server.js', import.meta.url));
const READY = /^BENCH_READY (\d+)$/m;
const START_TIMEOUT_MS = 30_000;

/** CPUs the servers are pinned to (`taskset -c`), when {@link pinProcesses} pinned them. */
let SERVER_CPUS: string | undefined;

/**
 * Pins this process (the load generator) to the first CPU and the servers to
 * the others, so that they never take each other's CPU. Returns what it did,
 * or `undefined` when it could not (one CPU, or no taskset).
 */
export function pinProcesses(cpus: number): string | undefined {
  if (cpus < 2) return undefined;
  try {
    execFileSync('taskset', ['-pc', '0', String(process.pid)], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  SERVER_CPUS = cpus === 2 ? '1' : `1-${cpus - 1}`;
  return `load generator on CPU 0, servers on CPU ${SERVER_CPUS}`;
}

/** Every child still running, so that nothing outlives the run, even when it fails. */
const running = new Set<ChildProcess>();

export interface ServerOptions {
  /** Extra Node.js flags, e.g. `--expose-gc`, `--cpu-prof`. */
  readonly nodeFlags?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** Working directory (where `--cpu-prof` writes). */
  readonly cwd?: string;
}

export interface RunningServer {
  readonly variant: VariantName;
  readonly adapter: AdapterName;
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/** Starts one variant's server in its own process and waits until it listens. */
export function startServer(
  variant: VariantName,
  adapter: AdapterName,
  options: ServerOptions = {},
): Promise<RunningServer> {
  const node = [process.execPath, ...(options.nodeFlags ?? []), SERVER_SCRIPT, variant, adapter];
  // taskset execs node in place: the pid stays the server's.
  const command = SERVER_CPUS === undefined ? node : ['taskset', '-c', SERVER_CPUS, ...node];
  const child = spawn(command[0], command.slice(1), {
    cwd: options.cwd,
    env: { ...process.env, NODE_ENV: 'production', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => running.delete(child));

  return new Promise((resolve, reject) => {
    let output = '';
    let stderr = '';
    const timer = setTimeout(() => fail(new Error('did not start in time')), START_TIMEOUT_MS);
    const fail = (error: Error): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${variant} on ${adapter}: ${error.message}\n${stderr}`));
    };
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', fail);
    const early = (code: number | null, signal: NodeJS.Signals | null): void =>
      fail(new Error(`exited (${signal ?? code})`));
    child.once('exit', early);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const ready = READY.exec(output);
      if (ready === null) return;
      clearTimeout(timer);
      child.off('exit', early);
      child.stdout.removeAllListeners('data');
      child.stdout.resume();
      resolve({
        variant,
        adapter,
        url: `http://127.0.0.1:${ready[1]}`,
        pid: child.pid ?? -1,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(killer);
        },
      });
    });
  });
}

/** Clock ticks per second of /proc's CPU times. */
const TICKS_PER_SECOND = ((): number => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * CPU time (user + system) a process has used so far, in microseconds, from
 * /proc (Linux); `undefined` elsewhere. Its resolution is one clock tick
 * (10 ms), fine over runs of seconds.
 */
export function cpuTimeUs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may hold spaces: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND) * 1e6;
  } catch {
    return undefined;
  }
}

/** Kills whatever is left (used on failure and on Ctrl-C). */
export function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
}

export interface ChildOutput {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a short-lived Node.js script to completion (used by the start-up measurements). */
export function runNode(args: readonly string[], cwd?: string): Promise<ChildOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      running.delete(child);
      resolve({ code, stdout, stderr });
    });
  });
}
