import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { selectedApps } from '../matrix/apps.js';
import type { PackedPackage } from './packed-package.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const appsDir = fileURLToPath(new URL('../matrix/apps', import.meta.url));

/**
 * Packs the library once per run, as `npm pack` would for publishing, and
 * installs the tarball into every scratch app of the matrix, from the
 * registry, with the versions each app's lockfile pins. Everything lives in
 * a temporary folder of this run, removed at its end: nothing is reused from
 * an earlier run, nothing is written into the repository but the build.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workdir = mkdtempSync(join(tmpdir(), 'nestjs-api-errors-package-'));
  const keep = process.env.KEEP_SCRATCH_APPS === '1';
  // Asynchronous: removing five installs at once must not stall the runner
  // while it waits for its test workers to finish.
  const teardown = async () => {
    if (keep) console.log(`scratch apps kept in ${workdir}`);
    else await rm(workdir, { recursive: true, force: true });
  };
  try {
    const started = performance.now();
    const { tarball, files } = await pack(workdir);
    const packed = performance.now();
    const installs = await Promise.all(
      selectedApps().map(async (app) => [app.name, await install(app.name, workdir, tarball)]),
    );
    console.log(
      `Packed the library in ${seconds(packed - started)} and installed ${installs.length} scratch apps in ${seconds(performance.now() - packed)}`,
    );
    const provided: PackedPackage = { workdir, tarball, files, apps: Object.fromEntries(installs) };
    project.provide('packedPackage', provided);
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}

async function pack(workdir: string): Promise<{ tarball: string; files: string[] }> {
  // `prepack` builds dist/ from a clean folder first.
  const output = await run('npm', ['pack', '--json', '--pack-destination', workdir], root);
  const [packed] = JSON.parse(output.slice(output.indexOf('['))) as {
    filename: string;
    files: { path: string }[];
  }[];
  return { tarball: join(workdir, packed.filename), files: packed.files.map((file) => file.path) };
}

/** Copies an app's manifest, lockfile and tsconfig files, and installs them with the tarball. */
async function install(name: string, workdir: string, tarball: string): Promise<string> {
  const dir = join(workdir, name);
  mkdirSync(dir);
  for (const file of readdirSync(join(appsDir, name))) {
    copyFileSync(join(appsDir, name, file), join(dir, file));
  }
  // No --legacy-peer-deps: the library's peer ranges must accept each app's Nest as it is.
  await run(
    'npm',
    ['install', '--no-save', '--no-audit', '--no-fund', '--prefer-offline', tarball],
    dir,
  );
  return dir;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function run(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error === null) return resolve(stdout);
        reject(new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout}\n${stderr}`));
      },
    );
  });
}
