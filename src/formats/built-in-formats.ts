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

/** The format an option names, or the application's own. */
export function resolveFormat(format: ErrorFormatName | ErrorFormat = 'meta'): ErrorFormat {
  if (typeof format === 'object' && format !== null && typeof format.render === 'function') {
    return format;
  }
  const builtIn = (BUILT_IN_FORMATS as Record<string, ErrorFormat | undefined>)[format as string];
  if (builtIn === undefined) {
    const names = Object.keys(BUILT_IN_FORMATS).join(', ');
    throw new TypeError(
      `Unknown error format ${JSON.stringify(format)}; use one of ${names}, or an ErrorFormat`,
    );
  }
  return builtIn;
}
