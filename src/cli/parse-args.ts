import type { ApiErrorFormat } from '../client/api-error.js';
import { FORMAT_NAMES } from './catalog-document.js';
import { OUTPUT_FORMS, type OutputForm } from './render-catalog.js';

/** What `nestjs-api-errors catalog` was asked to do. */
export interface CatalogCommand {
  readonly entries: readonly string[];
  readonly as: OutputForm;
  readonly errorFormat: ApiErrorFormat;
  readonly out?: string;
  readonly outDir?: string;
  readonly check: boolean;
}

export type ParsedArgs =
  { readonly help: true } | { readonly help: false; readonly command: CatalogCommand };

/** A command line the CLI cannot run; the message says what to change. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Bounds on the command line, so a runaway script gets an answer, not a hang. */
const MAX_ARGS = 100;
const MAX_ARG_LENGTH = 4096;
const MAX_ENTRY_MODULES = 20;

const FORM_ALIASES: Readonly<Record<string, OutputForm>> = { md: 'markdown', ts: 'typescript' };

export const USAGE = `Usage: nestjs-api-errors catalog [options]

Writes the error catalog (the built-in entries and your own) with each entry's
status and code in every error format.

Options:
  --entries <module>     Built JavaScript module exporting your defineError entries,
                         relative to the current folder (repeatable, up to ${MAX_ENTRY_MODULES})
  --as <form>            json (default), markdown (md) or typescript (ts)
  --error-format <name>  Format whose status and code the Markdown table shows:
                         ${FORMAT_NAMES.join(', ')} (default meta)
  --out <file>           Write to this file instead of standard output
  --out-dir <folder>     Write catalog.json, catalog.md and catalog.ts into this folder
  --check                With --out or --out-dir: exit 1 if the files are not up to date,
                         instead of writing them
  -h, --help             Show this help
`;

/** Reads the command line (without `node` and the script). */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.length > MAX_ARGS) throw new UsageError(`too many arguments (at most ${MAX_ARGS})`);
  const tooLong = argv.find((arg) => arg.length > MAX_ARG_LENGTH);
  if (tooLong !== undefined) {
    throw new UsageError(`an argument is longer than ${MAX_ARG_LENGTH} characters`);
  }
  if (argv.includes('-h') || argv.includes('--help') || argv.length === 0) return { help: true };
  const [name, ...rest] = argv;
  if (name !== 'catalog') {
    throw new UsageError(
      `unknown command ${JSON.stringify(name.slice(0, 64))}; the command is "catalog"`,
    );
  }
  const entries: string[] = [];
  let as: OutputForm = 'json';
  let asGiven = false;
  let errorFormat: ApiErrorFormat = 'meta';
  let out: string | undefined;
  let outDir: string | undefined;
  let check = false;
  for (let index = 0; index < rest.length; index++) {
    const [flag, inline] = splitInline(rest[index]);
    const value = (): string => {
      const next = inline ?? rest[++index];
      if (next === undefined || next === '') throw new UsageError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--entries':
        entries.push(value());
        if (entries.length > MAX_ENTRY_MODULES) {
          throw new UsageError(`--entries may be given at most ${MAX_ENTRY_MODULES} times`);
        }
        break;
      case '--as': {
        const form = value();
        const known =
          FORM_ALIASES[form] ?? (OUTPUT_FORMS as readonly string[]).find((f) => f === form);
        if (known === undefined) {
          throw new UsageError(`--as must be json, markdown or typescript, got ${quoted(form)}`);
        }
        as = known;
        asGiven = true;
        break;
      }
      case '--error-format': {
        const format = value();
        if (!(FORMAT_NAMES as readonly string[]).includes(format)) {
          throw new UsageError(
            `--error-format must be one of ${FORMAT_NAMES.join(', ')}, got ${quoted(format)}`,
          );
        }
        errorFormat = format as ApiErrorFormat;
        break;
      }
      case '--out':
        out = value();
        break;
      case '--out-dir':
        outDir = value();
        break;
      case '--check':
        if (inline !== undefined) throw new UsageError('--check takes no value');
        check = true;
        break;
      default:
        throw new UsageError(`unknown option ${quoted(flag)}`);
    }
  }
  if (out !== undefined && outDir !== undefined) {
    throw new UsageError('give --out or --out-dir, not both');
  }
  if (outDir !== undefined && asGiven) {
    throw new UsageError('--out-dir writes every form; leave out --as');
  }
  if (check && out === undefined && outDir === undefined) {
    throw new UsageError('--check compares files: give --out or --out-dir');
  }
  return { help: false, command: { entries, as, errorFormat, out, outDir, check } };
}

/** `--as=ts` as `['--as', 'ts']`. */
function splitInline(arg: string): [string, string | undefined] {
  const equals = arg.indexOf('=');
  return arg.startsWith('--') && equals > 0
    ? [arg.slice(0, equals), arg.slice(equals + 1)]
    : [arg, undefined];
}

function quoted(text: string): string {
  return JSON.stringify(text.slice(0, 64));
}
