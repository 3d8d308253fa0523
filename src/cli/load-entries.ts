import { stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { entriesOfModule, type NamedEntry } from './catalog-document.js';

/** A module the CLI could not use, with a sentence saying why. */
export class EntriesModuleError extends Error {
  override readonly name = 'EntriesModuleError';
}

const LOADABLE = new Set(['.js', '.mjs', '.cjs']);

/**
 * Imports a module of the app and returns the catalog entries it exports.
 * The path is relative to `cwd`; it must be built JavaScript, since Node
 * cannot import TypeScript sources.
 */
export async function loadEntries(path: string, cwd: string): Promise<NamedEntry[]> {
  const file = resolve(cwd, path);
  const where = `--entries ${path}`;
  const info = await stat(file).catch(() => undefined);
  if (info === undefined) throw new EntriesModuleError(`${where}: no such file (${file})`);
  if (!info.isFile()) throw new EntriesModuleError(`${where}: not a file (${file})`);
  const extension = extname(file);
  if (extension === '.ts' || extension === '.mts' || extension === '.cts') {
    throw new EntriesModuleError(
      `${where}: is TypeScript; build it and name the JavaScript it compiles to (e.g. ./dist/errors.js)`,
    );
  }
  if (!LOADABLE.has(extension)) {
    throw new EntriesModuleError(`${where}: must be a .js, .mjs or .cjs module`);
  }
  let exports: Record<string, unknown>;
  try {
    exports = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    throw new EntriesModuleError(`${where}: could not be loaded: ${messageOf(error)}`);
  }
  let entries: NamedEntry[];
  try {
    entries = entriesOfModule(exports);
  } catch (error) {
    throw new EntriesModuleError(`${where}: ${messageOf(error)}`);
  }
  if (entries.length === 0) {
    throw new EntriesModuleError(
      `${where}: exports no catalog entries; export each defineError(...) entry by name`,
    );
  }
  return entries;
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // The first line, bounded: enough to act on, never a whole dump.
  return text.split('\n')[0].slice(0, 500);
}
