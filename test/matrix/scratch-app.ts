import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScratchApp } from './apps.js';

const sourcesDir = fileURLToPath(new URL('./app-src', import.meta.url));

/** Copies the app's sources into its `src/`; the first one becomes `main.ts`. */
export function copySources(app: ScratchApp, dir: string): void {
  mkdirSync(join(dir, 'src'), { recursive: true });
  const [entry, ...rest] = app.sources;
  copyFileSync(join(sourcesDir, entry), join(dir, 'src', 'main.ts'));
  for (const file of [...rest, ...(app.extraEntries ?? [])]) {
    copyFileSync(join(sourcesDir, file), join(dir, 'src', file));
  }
}

/** Compiles the app with its own TypeScript and tsconfig, as `tsc` run by its users would. */
export async function compile(dir: string, tsconfig = 'tsconfig.json', noEmit = false) {
  const tsc = join(dir, 'node_modules', 'typescript', 'bin', 'tsc');
  const args = [tsc, '-p', tsconfig, ...(noEmit ? ['--noEmit'] : [])];
  const { code, output } = await runNode(args, dir);
  if (code !== 0) throw new Error(`tsc -p ${tsconfig} failed in ${basename(dir)}:\n${output}`);
}

/** Where tsc put the compiled entries: `dist/` or, with `"rootDir": "."`, `dist/src/`. */
export function compiledEntry(dir: string, entry: string): string {
  const name = entry.replace(/\.ts$/, '.js');
  const flat = join(dir, 'dist', name);
  return existsSync(flat) ? flat : join(dir, 'dist', 'src', name);
}

export interface RunningApp {
  readonly url: string;
  /** Everything the process wrote so far, stdout and stderr. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts a compiled entry with `node --enable-source-maps` and resolves once it
 * prints the `listening on <url>` line; rejects with its output if it ends first.
 */
export function startApp(
  dir: string,
  entry = 'main.ts',
  env: Record<string, string> = {},
): Promise<RunningApp> {
  const child = spawnEntry(dir, entry, env);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${entry} did not start within 30 s:\n${output}`));
    }, 30_000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${entry} ended (${code ?? signal}) before listening:\n${output}`));
    });
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url === undefined) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ url, output: () => output, stop: () => stop(child) });
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
  });
}

/** Runs a compiled entry that is expected to end (a start-up that fails), with its output. */
export function runToExit(
  dir: string,
  entry: string,
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = spawnEntry(dir, entry, env);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill(), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

function spawnEntry(dir: string, entry: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--enable-source-maps', compiledEntry(dir, entry)], {
    cwd: dir,
    env: { ...appEnvironment(), NO_COLOR: '1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * The environment of this process without what makes a child Node process
 * part of the test runner: its IPC channel, its options and its variables.
 */
function appEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(NODE_CHANNEL_|NODE_OPTIONS$|VITEST|NODE_ENV$)/.test(name),
    ),
  );
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill();
  });
}

function runNode(args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { cwd, env: appEnvironment(), encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : Number(error.code ?? 1), output: stdout + stderr });
      },
    );
  });
}
