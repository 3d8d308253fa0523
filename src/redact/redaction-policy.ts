import type { ErrorReport } from '../report/error-report.interface.js';

export interface RedactionOptions {
  /** Production mode: server errors say nothing beyond their title. */
  readonly production: boolean;
  /** Send server-error descriptions even in production. */
  readonly exposeServerErrorDetails: boolean;
}

/**
 * Removes what a client must not see, given the status it is sent with
 * (the format's, which may differ from the catalog entry's); decided once at
 * start-up, applied per error.
 */
export type Redactor = (report: ErrorReport, status: number) => ErrorReport;

const keepEverything: Redactor = (report) => report;

/**
 * In production a report sent as a 5xx loses its description and extra
 * members: they may hold database parameters or other internals meant for
 * the logs, which get the report as it was before redaction.
 */
const hideServerErrorDetails: Redactor = (report, status) => {
  if (status < 500) return report;
  if (report.description === undefined && report.extras === undefined) return report;
  const { description: _description, extras: _extras, ...shown } = report;
  return shown;
};

export function createRedactor(options: RedactionOptions): Redactor {
  return options.production && !options.exposeServerErrorDetails
    ? hideServerErrorDetails
    : keepEverything;
}
