import type { ErrorReport } from '../report/error-report.interface.js';

export interface RedactionOptions {
  /** Production mode: server errors say nothing beyond their title. */
  readonly production: boolean;
  /** Send server-error descriptions even in production. */
  readonly exposeServerErrorDetails: boolean;
}

/** Removes what a client must not see; decided once at start-up, applied per error. */
export type Redactor = (report: ErrorReport) => ErrorReport;

const keepEverything: Redactor = (report) => report;

/**
 * In production a 5xx report loses its description and extra members: they
 * may hold database parameters or other internals meant for the logs, which
 * get the report as it was before redaction.
 */
const hideServerErrorDetails: Redactor = (report) => {
  if (report.definition.status < 500) return report;
  if (report.description === undefined && report.extras === undefined) return report;
  const { description: _description, extras: _extras, ...shown } = report;
  return shown;
};

export function createRedactor(options: RedactionOptions): Redactor {
  return options.production && !options.exposeServerErrorDetails
    ? hideServerErrorDetails
    : keepEverything;
}
