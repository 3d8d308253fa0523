import { Logger } from '@nestjs/common';
import { inspect } from 'node:util';
import type { RenderContext } from '../formats/error-format.interface.js';
import { maskSecrets } from '../redact/mask-secrets.js';
import type { ErrorReport } from '../report/error-report.interface.js';
import { echoablePath } from '../report/request-path.js';

/** What happened to one error, for its one log line. */
export interface ErrorOutcome {
  /** What was thrown. */
  readonly exception: unknown;
  /** The report as classified, before redaction: the log may read what the client may not. */
  readonly report: ErrorReport;
  /** The status the client was sent (the format's, not the catalog entry's). */
  readonly status: number;
  /** `false` when the response had already started and nothing could be sent. */
  readonly sent: boolean;
  /** A step of the filter that failed on the way (a format, a mapper, the send), if any. */
  readonly failure?: unknown;
}

/** The log step: called once per error, after the response is sent. */
export type ErrorLogger = (outcome: ErrorOutcome, request: RenderContext) => void;

export interface ErrorLoggerOptions {
  /** Also log client errors (4xx), one line each at `warn`. */
  readonly logClientErrors: boolean;
}

/** Longest message of a log entry (the request line and the description). */
const MAX_MESSAGE_LENGTH = 4096;
/** Longest trace of a log entry (stacks and causes), so an entry stays under 16 KiB. */
const MAX_TRACE_LENGTH = 12_288;
/** Longest description written to a log line. */
const MAX_LOGGED_DESCRIPTION = 2000;
/** Longest stack of one error in a trace. */
const MAX_STACK_LENGTH = 4000;
/** Causes followed at most; a cause chain may loop. */
const MAX_CAUSES = 3;

/**
 * Writes exactly one entry per logged error through Nest's Logger (so
 * `app.useLogger()` applies): server errors (by the status sent) with their
 * stack, always; client errors at `warn`, without a stack, only when asked
 * for. An error that could not be sent because the response had started is
 * always logged, since it is the only trace it leaves. Every piece of the
 * entry is bounded, and reading what was thrown cannot fail the entry: a
 * value whose getters throw is logged as unreadable.
 */
export function createErrorLogger(options: ErrorLoggerOptions): ErrorLogger {
  const logger = new Logger('ApiExceptionFilter');
  return (outcome, request) => {
    const serverError = outcome.status >= 500 || outcome.failure !== undefined;
    // Most errors are client errors nobody asked to log: build no entry for them.
    if (outcome.sent && !serverError && !options.logClientErrors) return;
    const { report } = outcome;
    const codes =
      report.errorCode === undefined
        ? `code ${String(report.definition.code)}`
        : `code ${String(report.definition.code)}, errorCode ${report.errorCode}`;
    const id = request.requestId === undefined ? '' : ` [request ${request.requestId}]`;
    // A request Node's HTTP parser refused has neither a method nor a path.
    const target =
      request.method === '' ? 'Refused request' : `${request.method} ${echoablePath(request.url)}`;
    const line = `${target} -> ${outcome.status} (${codes})${id}`;
    if (!outcome.sent || serverError) {
      const why = outcome.sent
        ? ''
        : outcome.failure === undefined
          ? ' not sent: the response had already started'
          : ' not sent';
      const failed =
        outcome.failure === undefined ? '' : `\nWhile answering: ${traceOf(outcome.failure)}`;
      logger.error(
        cut(`${line}${why}${describedAs(outcome.report)}`, MAX_MESSAGE_LENGTH),
        cut(`${traceOf(outcome.exception)}${failed}`, MAX_TRACE_LENGTH),
      );
    } else {
      logger.warn(
        cut(
          `${line}: ${nameOf(outcome.exception)}${describedAs(outcome.report)}`,
          MAX_MESSAGE_LENGTH,
        ),
      );
    }
  };
}

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
  return `: ${cut(text, MAX_LOGGED_DESCRIPTION)}`;
}

/** The stack, with the stacks of its causes; for a non-Error throw, what was thrown. */
export function traceOf(exception: unknown): string {
  const parts: string[] = [];
  let current = exception;
  for (let depth = 0; depth <= MAX_CAUSES; depth++) {
    parts.push(cut(ownTrace(current), MAX_STACK_LENGTH));
    const cause = causeOf(current);
    if (cause === undefined) break;
    current = cause;
  }
  return parts.join('\nCaused by: ');
}

function ownTrace(exception: unknown): string {
  try {
    if (exception instanceof Error) {
      const stack = exception.stack;
      return typeof stack === 'string' ? stack : `${exception.name}: ${exception.message}`;
    }
    return `Non-Error thrown: ${inspect(maskSecrets(exception), { depth: 6, breakLength: Infinity })}`;
  } catch {
    return 'Non-Error thrown: [a value that cannot be read]';
  }
}

function causeOf(exception: unknown): unknown {
  try {
    return exception instanceof Error ? exception.cause : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What kind of error a client error was. Its message is not logged: a
 * parser's message quotes the body, Nest's not-found message the query
 * string; the report's description says the same without them.
 */
function nameOf(exception: unknown): string {
  try {
    return exception instanceof Error ? cut(String(exception.name), 100) : typeof exception;
  } catch {
    return 'unreadable value';
  }
}

function cut(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}
