import { Logger } from '@nestjs/common';
import { inspect } from 'node:util';
import { maskSecrets } from '../redact/mask-secrets.js';
import type { RenderContext } from '../formats/error-format.interface.js';
import type { ErrorReport } from '../report/error-report.interface.js';
import { echoablePath } from '../report/request-path.js';

/** The log step: called once per error, after the response is sent. */
export type ErrorLogger = (
  exception: unknown,
  report: ErrorReport,
  request: RenderContext,
  sent: boolean,
) => void;

export interface ErrorLoggerOptions {
  /** Also log client errors (4xx), one line each at `warn`. */
  readonly logClientErrors: boolean;
}

/**
 * Server errors are logged with their stack through Nest's Logger (so
 * `app.useLogger()` applies); client errors are the client's business and
 * stay quiet unless asked for. An error that could not be sent because the
 * response had started is always logged: it is the only trace it leaves.
 */
export function createErrorLogger(options: ErrorLoggerOptions): ErrorLogger {
  const logger = new Logger('ApiExceptionFilter');
  return (exception, report, request, sent) => {
    const { status, code } = report.definition;
    // Most errors are client errors nobody asked to log: build no line for them.
    if (sent && status < 500 && !options.logClientErrors) return;
    const id = request.requestId === undefined ? '' : ` [request ${request.requestId}]`;
    const line = `${request.method} ${echoablePath(request.url)} -> ${status} (code ${String(code)})${id}`;
    if (!sent) {
      logger.error(`${line} not sent: the response had already started`, traceOf(exception));
    } else if (status >= 500) {
      logger.error(`${line}${describedAs(report)}`, traceOf(exception));
    } else if (options.logClientErrors) {
      logger.warn(`${line}: ${nameOf(exception)}${describedAs(report)}`);
    }
  };
}

/** Longest description written to a log line. */
const MAX_LOGGED_DESCRIPTION = 2000;

/**
 * What the error said, for the log, from the report as classified, before
 * redaction: production keeps a server error's description from the client
 * (a database error's details and parameters), so the log is where it is read.
 */
function describedAs(report: ErrorReport): string {
  const { description } = report;
  if (description === undefined) return '';
  const text =
    typeof description === 'string' ? description : JSON.stringify(maskSecrets(description));
  return `: ${text.length > MAX_LOGGED_DESCRIPTION ? `${text.slice(0, MAX_LOGGED_DESCRIPTION)}…` : text}`;
}

/** Causes followed at most; a cause chain may loop. */
const MAX_CAUSES = 3;

/** The stack, with the stacks of its causes; for a non-Error throw, what was thrown. */
export function traceOf(exception: unknown, depth = 0): string {
  if (!(exception instanceof Error)) {
    return `Non-Error thrown: ${inspect(maskSecrets(exception), { depth: 2, breakLength: Infinity })}`;
  }
  const own = exception.stack ?? `${exception.name}: ${exception.message}`;
  const cause = exception.cause;
  return cause === undefined || depth >= MAX_CAUSES
    ? own
    : `${own}\nCaused by: ${traceOf(cause, depth + 1)}`;
}

/**
 * What kind of error a client error was. Its message is not logged: a
 * parser's message quotes the body, Nest's not-found message the query
 * string; the report's description says the same without them.
 */
function nameOf(exception: unknown): string {
  return exception instanceof Error ? exception.name : typeof exception;
}
