import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { catalogDocument, type CatalogDocument, type NamedEntry } from './catalog-document.js';
import { EntriesModuleError, loadEntries } from './load-entries.js';
import { type CatalogCommand, parseArgs, USAGE, UsageError } from './parse-args.js';
import {
  catalogJson,
  catalogMarkdown,
  catalogTypeScript,
  FILE_NAMES,
  OUTPUT_FORMS,
  type OutputForm,
} from './render-catalog.js';

/** Where the CLI reads and writes; the real process by default, a capture in tests. */
export interface CliIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Exit codes: done, failed (a module, a stale file), a command line to fix. */
export const EXIT = { OK: 0, FAILED: 1, USAGE: 2 } as const;

/** Runs the CLI and returns its exit code; it never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const parsed = parseArgs(argv);
    if (parsed.help) {
      io.stdout(USAGE);
      return EXIT.OK;
    }
    return await runCatalog(parsed.command, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(
        `nestjs-api-errors: ${error.message}\nRun "nestjs-api-errors --help" for the options.\n`,
      );
      return EXIT.USAGE;
    }
    if (error instanceof EntriesModuleError) {
      io.stderr(`nestjs-api-errors: ${error.message}\n`);
      return EXIT.FAILED;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`nestjs-api-errors: ${message.split('\n')[0].slice(0, 500)}\n`);
    return EXIT.FAILED;
  }
}

/** The catalog of the built-ins and the entries of the named modules. */
export async function loadCatalog(
  modules: readonly string[],
  cwd: string,
): Promise<CatalogDocument> {
  const own: NamedEntry[] = [];
  for (const path of modules) own.push(...(await loadEntries(path, cwd)));
  return catalogDocument(own);
}

/** The catalog in one form. */
export function renderCatalog(
  document: CatalogDocument,
  form: OutputForm,
  command?: CatalogCommand,
): string {
  if (form === 'json') return catalogJson(document);
  if (form === 'markdown') return catalogMarkdown(document, command?.errorFormat);
  return catalogTypeScript(document);
}

async function runCatalog(command: CatalogCommand, io: CliIo): Promise<number> {
  const document = await loadCatalog(command.entries, io.cwd);
  const files: [path: string, text: string][] =
    command.outDir !== undefined
      ? OUTPUT_FORMS.map((form) => [
          join(resolve(io.cwd, command.outDir!), FILE_NAMES[form]),
          renderCatalog(document, form, command),
        ])
      : command.out !== undefined
        ? [[resolve(io.cwd, command.out), renderCatalog(document, command.as, command)]]
        : [];
  if (files.length === 0) {
    io.stdout(renderCatalog(document, command.as, command));
    return EXIT.OK;
  }
  if (command.check) {
    const stale: string[] = [];
    for (const [path, text] of files) {
      const current = await readFile(path, 'utf8').catch(() => undefined);
      if (current !== text) stale.push(path);
    }
    if (stale.length === 0) return EXIT.OK;
    io.stderr(
      `nestjs-api-errors: not up to date: ${stale.join(', ')}\nRun the command without --check to write them.\n`,
    );
    return EXIT.FAILED;
  }
  if (command.outDir !== undefined)
    await mkdir(resolve(io.cwd, command.outDir), { recursive: true });
  for (const [path, text] of files) await writeFile(path, text);
  io.stderr(`nestjs-api-errors: wrote ${files.map(([path]) => path).join(', ')}\n`);
  return EXIT.OK;
}
