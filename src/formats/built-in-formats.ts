import { createErrorCodeFormat } from './error-code.format.js';
import type { ErrorFormat } from './error-format.interface.js';
import { createErrorFormat } from './error.format.js';
import { createFlatFormat } from './flat.format.js';
import { metaFormat } from './meta.format.js';
import { createProblemFormat } from './problem.format.js';

/**
 * The formats selectable by name (`format: 'flat'`), with their default tables.
 *
 * @publicApi
 */
export const BUILT_IN_FORMATS = Object.freeze({
  meta: metaFormat,
  error: createErrorFormat(),
  flat: createFlatFormat(),
  error_code: createErrorCodeFormat(),
  problem: createProblemFormat(),
});

/** @publicApi */
export type ErrorFormatName = keyof typeof BUILT_IN_FORMATS;

const BUILT_IN: ReadonlySet<ErrorFormat> = new Set(Object.values(BUILT_IN_FORMATS));

/** Whether a format is one of the library's own, whose bodies are always plain JSON data. */
export function isBuiltInFormat(format: ErrorFormat): boolean {
  return BUILT_IN.has(format);
}

/**
 * What the `format` option accepts: a built-in format's name, any other
 * string (`process.env.ERROR_FORMAT`, say; checked at start-up), or a format
 * of the application's own. `string & {}` keeps the names suggested in editors.
 *
 * @publicApi
 */
export type ErrorFormatOption = ErrorFormatName | (string & {}) | ErrorFormat;

/**
 * The format an option names, or the application's own. A name that is not a
 * built-in format fails the start-up with an error listing the valid ones.
 */
export function resolveFormat(format: ErrorFormatOption = 'meta'): ErrorFormat {
  if (typeof format === 'object' && format !== null && typeof format.render === 'function') {
    return format;
  }
  const builtIn =
    typeof format === 'string' && Object.hasOwn(BUILT_IN_FORMATS, format)
      ? (BUILT_IN_FORMATS as Record<string, ErrorFormat>)[format]
      : undefined;
  if (builtIn === undefined) {
    const names = Object.keys(BUILT_IN_FORMATS)
      .map((name) => JSON.stringify(name))
      .join(', ');
    throw new TypeError(
      `Unknown error format ${describe(format)} in the "format" option; use one of ${names}, or an ErrorFormat object ({ name, contentType, render })`,
    );
  }
  return builtIn;
}

/** The rejected value, shown whole only when it is a short string. */
function describe(format: unknown): string {
  if (typeof format === 'string') {
    return format.length <= 40 ? JSON.stringify(format) : `${JSON.stringify(format.slice(0, 40))}…`;
  }
  return format === null ? 'null' : `of type ${typeof format}`;
}
