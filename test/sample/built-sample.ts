import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { send } from '../helpers/http-client.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** What `npm start` needs of the repository: its scripts, configurations and sources. */
const COPIED = ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'src', 'sample/src'];
const COPIED_FILES = ['sample/tsconfig.json'];

/**
 * A scratch copy of the repository with the library and the sample built in
 * it, so tests can run the real `npm start` without touching the
 * repository's own `dist/` (other tests build and pack it). Its
 * node_modules is the repository's.
 */
export function buildScratchCopy(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'shop-build-'));
  for (const path of [...COPIED, ...COPIED_FILES]) {
    cpSync(join(root, path), join(dir, path), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  for (const script of ['build', 'build:sample']) {
    execFileSync('npm', ['run', '-s', script], { cwd: dir, stdio: 'pipe' });
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A process started by a test, with everything it printed so far. */
export interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

export function start(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited } satisfies Started;
}

/** Resolves once `/health` answers on the port, or rejects after `timeoutMs`. */
export async function waitForHealth(port: number, started: Started, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await send(`http://127.0.0.1:${port}`, { path: '/health' })).status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the sample did not answer on port ${port}; it printed:\n${started.output()}`);
}

/** Whether anything still accepts connections on the port. */
export async function isListening(port: number): Promise<boolean> {
  try {
    await send(`http://127.0.0.1:${port}`, { path: '/health' });
    return true;
  } catch {
    return false;
  }
}

/** The id of the Nest process, from its log lines (`[Nest] 1234  - ...`). */
export function nestPid(output: string): number | undefined {
  const pid = /\[Nest\] (\d+)/.exec(output)?.[1];
  return pid === undefined ? undefined : Number(pid);
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
