import { ERROR_CATALOG } from '../catalog/error-catalog.js';
import type { ErrorDefinition } from '../catalog/error-definition.interface.js';
import { DefinitionMap } from '../catalog/definition-map.js';
import { STATUS_DEFINITIONS } from '../catalog/status-definitions.js';
import type { ErrorReport } from '../report/error-report.interface.js';
import type { Violation } from '../report/violation.interface.js';

/**
 * What a format answers for one kind of error: its HTTP status, its own code,
 * and optionally a message. A message given for a reason is fixed (the
 * format's own wording for that cause); one given for an entry or status is
 * only a fallback for errors that have no description.
 *
 * @publicApi
 */
export interface FormatEntry<TCode = number | string> {
  readonly status: number;
  readonly code: TCode;
  readonly message?: string;
}

/**
 * How a format maps the catalog to its own codes: by reason first, then by
 * catalog entry, then by HTTP status. Tables, not `if` chains, so the README's
 * cross-format table is generated from the same data.
 *
 * @publicApi
 */
export interface FormatTable<TCode = number | string> {
  /** Keyed by `ErrorReport.reason`. */
  readonly reasons?: Readonly<Record<string, FormatEntry<TCode>>>;
  /**
   * Keyed by catalog entry. Rows are matched by the entry's code, status and
   * title, so a copy or a literal of an entry finds the same row.
   */
  readonly entries?: ReadonlyMap<ErrorDefinition, FormatEntry<TCode>>;
}

/** The built-in catalog and every generic status entry: what tables precompute answers for. */
export const STANDARD_ENTRIES: readonly ErrorDefinition[] = [
  ...ERROR_CATALOG,
  ...STATUS_DEFINITIONS,
];

/** The entry a report renders as, and whether its message is fixed. */
export interface ResolvedEntry<TCode> {
  readonly entry: FormatEntry<TCode>;
  readonly fixedMessage: boolean;
}

/**
 * Builds the lookup once: every answer for a reason, a catalog entry or a
 * standard status is made here, so per error it is a few map reads and no
 * allocation. Only an application's own entry with no row of its own is
 * answered by status on the spot.
 */
export function createEntryLookup<TCode>(
  defaults: FormatTable<TCode>,
  overrides: FormatTable<TCode>,
  byStatus: (definition: ErrorDefinition) => FormatEntry<TCode>,
): (report: ErrorReport) => ResolvedEntry<TCode> {
  const reasons = new Map<string, ResolvedEntry<TCode>>();
  for (const [reason, entry] of Object.entries({ ...defaults.reasons, ...overrides.reasons })) {
    reasons.set(reason, Object.freeze({ entry, fixedMessage: entry.message !== undefined }));
  }
  // Keyed by what an entry is, so an override finds an entry however it was made.
  const defaultRows = new DefinitionMap<FormatEntry<TCode>>();
  for (const [definition, entry] of defaults.entries ?? []) defaultRows.set(definition, entry);
  const overrideRows = new DefinitionMap<FormatEntry<TCode>>();
  for (const [definition, entry] of overrides.entries ?? []) overrideRows.set(definition, entry);
  const resolve = (definition: ErrorDefinition): ResolvedEntry<TCode> => ({
    entry: overrideRows.get(definition) ?? defaultRows.get(definition) ?? byStatus(definition),
    fixedMessage: false,
  });
  const entries = new DefinitionMap<ResolvedEntry<TCode>>();
  for (const definition of [...STANDARD_ENTRIES, ...(overrides.entries?.keys() ?? [])]) {
    entries.set(definition, Object.freeze(resolve(definition)));
  }
  // An application's own entries, resolved on first use; held weakly, by the entry itself.
  const later = new WeakMap<ErrorDefinition, ResolvedEntry<TCode>>();
  const resolveLater = (definition: ErrorDefinition): ResolvedEntry<TCode> => {
    let resolved = later.get(definition);
    if (resolved === undefined) {
      resolved = Object.freeze(resolve(definition));
      later.set(definition, resolved);
    }
    return resolved;
  };
  return (report) =>
    (report.reason === undefined ? undefined : reasons.get(report.reason)) ??
    entries.get(report.definition) ??
    resolveLater(report.definition);
}

/** The description when it is one sentence; the first sentence of a list. */
export function sentenceOf(report: ErrorReport): string | undefined {
  const { description } = report;
  if (typeof description === 'string') return description;
  if (Array.isArray(description)) {
    const first: unknown = description[0];
    return typeof first === 'string' ? first : undefined;
  }
  return undefined;
}

/** A structured description (the database error's `{ details, params }`), if any. */
export function structuredDescriptionOf(
  report: ErrorReport,
): Readonly<Record<string, unknown>> | undefined {
  const { description } = report;
  return typeof description === 'object' && description !== null && !Array.isArray(description)
    ? (description as Readonly<Record<string, unknown>>)
    : undefined;
}

/**
 * Adds an error's extra members next to a format's own, never over them:
 * an extra named `code` or `status` cannot change what the envelope says.
 */
export function addExtras(
  target: Record<string, unknown>,
  extras: Readonly<Record<string, unknown>> | undefined,
): void {
  if (extras === undefined) return;
  for (const name in extras) {
    if (!Object.hasOwn(target, name)) target[name] = extras[name];
  }
}

/** Statuses that tell the client when to come back. */
export function carriesRetryAfter(status: number): boolean {
  return status === 429 || status === 503;
}

/** Two optional member sets as one, or `undefined` when both are absent. */
export function combine(
  first: Readonly<Record<string, unknown>> | undefined,
  second: Readonly<Record<string, unknown>> | undefined,
): Record<string, unknown> | undefined {
  if (first === undefined && second === undefined) return undefined;
  return { ...first, ...second };
}

/**
 * One member per field, keyed by its path, from the field's first violation:
 * the shape formats with per-field details share; `show` says what each holds.
 */
export function byField<T>(
  violations: readonly Violation[],
  show: (violation: Violation) => T,
): Record<string, T> {
  const fields: Record<string, T> = {};
  for (const violation of violations) {
    if (!Object.hasOwn(fields, violation.path)) fields[violation.path] = show(violation);
  }
  return fields;
}
