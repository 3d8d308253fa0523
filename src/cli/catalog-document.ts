import { checkedEntry } from '../catalog/define-error.js';
import * as builtIns from '../catalog/error-catalog.js';
import type { ErrorDefinition } from '../catalog/error-definition.interface.js';
import type { ApiErrorCode, ApiErrorFormat } from '../client/api-error.js';
import { readEnvelope } from '../client/read-envelope.js';
import { BUILT_IN_FORMATS } from '../formats/built-in-formats.js';

/** The built-in envelopes, in the order documents list them. */
export const FORMAT_NAMES = Object.keys(BUILT_IN_FORMATS) as ApiErrorFormat[];

/** How one entry is answered in one envelope, read from what that envelope renders. */
export interface EntryInFormat {
  readonly status: number;
  readonly code: ApiErrorCode;
  /** The message the envelope shows when the error has no description. */
  readonly message: string;
  /** `problem` only: the `type` URI. */
  readonly type?: string;
}

/** One catalog entry and how each envelope answers it. */
export interface CatalogDocumentEntry {
  /** The name it is exported under, e.g. `ERR_OUT_OF_STOCK`. */
  readonly name: string;
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly title: string;
  /** Whether it is one of the library's own entries. */
  readonly builtIn: boolean;
  readonly formats: Readonly<Record<ApiErrorFormat, EntryInFormat>>;
}

/** An app's catalog: the built-in entries, then the app's, by code. */
export interface CatalogDocument {
  readonly entries: readonly CatalogDocumentEntry[];
}

/** An entry an app exports, with the name it is exported under. */
export interface NamedEntry {
  readonly name: string;
  readonly definition: ErrorDefinition;
}

/** Most entries in one catalog; far beyond any app's, so a runaway module is caught. */
export const MAX_ENTRIES = 1000;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Names no `export const` of the generated module may have: the words
 * JavaScript reserves in a module (which is strict code), and the names the
 * module declares itself.
 */
const RESERVED = new Set([
  ...(
    'await break case catch class const continue debugger default delete do else enum export ' +
    'extends false finally for function if implements import in instanceof interface let new ' +
    'null package private protected public return static super switch this throw true try ' +
    'typeof var void while with yield arguments eval'
  ).split(' '),
  'CATALOG',
  'ERROR_CODES',
  'ErrorCode',
]);

/**
 * The entries the library exports, `OK` included, as their fields: a module
 * re-exporting them (`export * from 'nestjs-api-errors'`, a copy from another
 * install of the package) adds nothing to the built-ins.
 */
const LIBRARY_ENTRIES: readonly ErrorDefinition[] = [builtIns.OK, ...builtIns.ERROR_CATALOG];

/** The library's own entries, with their export names (`OK` is no error). */
export function builtInEntries(): NamedEntry[] {
  return builtIns.ERROR_CATALOG.map((definition) => ({
    name: Object.entries(builtIns).find(
      ([name, value]) => value === definition && name !== 'ERROR_CATALOG',
    )![0],
    definition,
  }));
}

/**
 * The entries a module exports: every export shaped like a catalog entry
 * (`status`, `code`, `title`), checked like `defineError` checks them, under
 * the name it is exported as. Exports that are the library's own entries
 * (`OK` too) are left to the built-ins. An entry exported under a name the
 * generated TypeScript cannot declare (`export default`, a reserved word) is
 * refused, unless the module also exports it under a name that can be.
 */
export function entriesOfModule(exports: Readonly<Record<string, unknown>>): NamedEntry[] {
  const entries: NamedEntry[] = [];
  const unnamed: [name: string, entry: ErrorDefinition][] = [];
  for (const [name, value] of Object.entries(exports)) {
    if (!looksLikeEntry(value) || LIBRARY_ENTRIES.some((entry) => sameEntry(entry, value))) {
      continue;
    }
    if (IDENTIFIER.test(name) && !RESERVED.has(name)) {
      entries.push({ name, definition: checkedEntry(value, `export ${name}`) });
    } else {
      unnamed.push([name, value]);
    }
  }
  for (const [name, value] of unnamed) {
    if (entries.some(({ definition }) => sameEntry(definition, value))) continue;
    throw new TypeError(
      name === 'default'
        ? 'the default export cannot name an entry in the generated TypeScript; ' +
            'export it by name (export const ERR_OUT_OF_STOCK = defineError(...))'
        : `export "${name.slice(0, 64)}" cannot name an entry in the generated TypeScript; rename it`,
    );
  }
  return entries;
}

function looksLikeEntry(value: unknown): value is ErrorDefinition {
  if (typeof value !== 'object' || value === null) return false;
  const { status, code, title } = value as Record<string, unknown>;
  return typeof status === 'number' && code !== undefined && typeof title === 'string';
}

/**
 * The catalog as documents show it: the built-in entries in their order, then
 * the app's by code, each rendered through every built-in envelope, so what
 * the documents say is what the server answers. The same entry exported twice
 * is listed once; two entries with one code are refused.
 */
export function catalogDocument(appEntries: readonly NamedEntry[]): CatalogDocument {
  const listed: NamedEntry[] = [];
  const byCode = new Map<ApiErrorCode, NamedEntry>();
  const names = new Set<string>();
  const own = [...appEntries].sort((a, b) => compareCodes(a.definition.code, b.definition.code));
  for (const entry of [...builtInEntries(), ...own]) {
    const seen = byCode.get(entry.definition.code);
    if (seen !== undefined) {
      if (sameEntry(seen.definition, entry.definition)) continue;
      throw new TypeError(
        `${entry.name} and ${seen.name} share code ${JSON.stringify(entry.definition.code)}; ` +
          'each entry needs a code of its own',
      );
    }
    if (names.has(entry.name)) {
      throw new TypeError(`two different entries are exported as ${entry.name}`);
    }
    byCode.set(entry.definition.code, entry);
    names.add(entry.name);
    listed.push(entry);
  }
  if (listed.length > MAX_ENTRIES) {
    throw new RangeError(
      `${listed.length} entries is more than the ${MAX_ENTRIES} a catalog may have`,
    );
  }
  return { entries: listed.map(documentEntry) };
}

function documentEntry({ name, definition }: NamedEntry): CatalogDocumentEntry {
  const builtIn = builtIns.ERROR_CATALOG.some((entry) => sameEntry(entry, definition));
  const formats = {} as Record<ApiErrorFormat, EntryInFormat>;
  for (const format of FORMAT_NAMES) formats[format] = renderedIn(format, definition);
  const { status, code, title } = definition;
  return { name, status, code, title, builtIn, formats };
}

/** Renders the entry through the envelope and reads it back as a client would. */
function renderedIn(format: ApiErrorFormat, definition: ErrorDefinition): EntryInFormat {
  const envelope = BUILT_IN_FORMATS[format];
  const { status, body } = envelope.render({ definition }, { method: 'GET', url: '/' });
  const fields = readEnvelope(body, envelope.contentType, format);
  if (fields === undefined) {
    throw new Error(`the ${format} envelope rendered a body its reader does not know`);
  }
  const type = (body as { type?: unknown }).type;
  return {
    status,
    code: fields.code,
    message: fields.message,
    ...(format === 'problem' && typeof type === 'string' ? { type } : {}),
  };
}

function sameEntry(a: ErrorDefinition, b: ErrorDefinition): boolean {
  return a.code === b.code && a.status === b.status && a.title === b.title;
}

/** Numbers first, ascending, then strings. */
function compareCodes(a: ApiErrorCode, b: ApiErrorCode): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
