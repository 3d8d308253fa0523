import { type CopyLimits, jsonCopy } from '../redact/json-copy.js';
import type { ErrorDescription } from './error-description.type.js';
import type { ErrorReport } from './error-report.interface.js';

/** How much of a structured description or of extra members a response may carry. */
const FOR_RESPONSES: CopyLimits = {
  depth: 8,
  width: 100,
  stringLength: 2000,
  nodes: 500,
  maskSecrets: false,
};

/**
 * A report whose description and extra members JSON can always hold: a
 * structured description with a cycle, a BigInt or a throwing getter keeps
 * its error's own status instead of failing the response. A report with a
 * string description and no extras, the usual case, is returned as it is.
 */
export function safeReport(report: ErrorReport): ErrorReport {
  const { description, extras } = report;
  if ((typeof description !== 'object' || description === null) && extras === undefined) {
    return report;
  }
  const safe: { -readonly [K in keyof ErrorReport]: ErrorReport[K] } = { ...report };
  if (typeof description === 'object' && description !== null) {
    safe.description = jsonCopy(description, FOR_RESPONSES) as ErrorDescription;
  }
  if (extras !== undefined) {
    const copied = jsonCopy(extras, FOR_RESPONSES);
    safe.extras =
      typeof copied === 'object' && copied !== null && !Array.isArray(copied)
        ? (copied as Record<string, unknown>)
        : undefined;
  }
  return safe;
}
