import { createClassifier } from '../classify/create-classifier.js';
import type {
  ErrorFormat,
  RenderContext,
  RenderedError,
} from '../formats/error-format.interface.js';
import { carriesRetryAfter } from '../formats/format-table.js';
import type { ErrorsModuleOptions } from '../interfaces/errors-module-options.interface.js';
import { createRedactor } from '../redact/redaction-policy.js';
import type { ErrorReport } from '../report/error-report.interface.js';
import { settleRetryAfter, validRetryAfter } from './retry-after.js';

/** One error, classified and rendered as the client receives it. */
export interface RenderedReport {
  /** The report as classified (with its Retry-After settled), before redaction: for the log. */
  readonly report: ErrorReport;
  /** The report the format rendered, after redaction. */
  readonly shown: ErrorReport;
  readonly rendered: RenderedError;
}

/**
 * Classify, settle Retry-After, redact and render by the status the format
 * answers. Pure apart from reading a `Retry-After` already on the response;
 * the filter answers with it, and the OpenAPI documents are made with it, so
 * what is documented is what is sent.
 */
export type ErrorRenderer = (
  exception: unknown,
  context: RenderContext,
  response?: unknown,
) => RenderedReport;

/** Reads a `Retry-After` header already set on a response, if any. */
export type RetryAfterReader = (response: unknown) => unknown;

/** Built once, at start-up, from the module options and the resolved format. */
export function createErrorRenderer(
  options: ErrorsModuleOptions,
  format: ErrorFormat,
  retryAfterOn: RetryAfterReader = () => undefined,
): ErrorRenderer {
  const classify = createClassifier(options);
  const redact = createRedactor({
    production: options.production ?? process.env.NODE_ENV === 'production',
    exposeServerErrorDetails: options.exposeServerErrorDetails ?? false,
  });
  const defaultRetryAfter = validRetryAfter(options.defaultRetryAfterSeconds ?? 60);
  const render = (report: ErrorReport, context: RenderContext, status: number) => {
    const shown = redact(report, status);
    return { report, shown, rendered: format.render(shown, context) };
  };
  return (exception, context, response) => {
    let report = classify(exception, context);
    if (carriesRetryAfter(report.definition.status)) {
      report = settleRetryAfter(report, retryAfterOn(response), defaultRetryAfter);
    }
    const first = render(report, context, report.definition.status);
    const status = first.rendered.status;
    if (carriesRetryAfter(status) && report.retryAfter === undefined) {
      // The format answered 429 or 503 for an entry that is neither: settle and render again.
      const settled = settleRetryAfter(report, retryAfterOn(response), defaultRetryAfter, true);
      return render(settled, context, status);
    }
    // What the client may see depends on the status it is sent with.
    return status >= 500 === report.definition.status >= 500
      ? first
      : render(report, context, status);
  };
}
