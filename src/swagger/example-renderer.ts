import { createClassifier } from '../classify/create-classifier.js';
import { settleRetryAfter, validRetryAfter } from '../filter/retry-after.js';
import { resolveFormat } from '../formats/built-in-formats.js';
import type { ErrorFormat, RenderContext } from '../formats/error-format.interface.js';
import { carriesRetryAfter } from '../formats/format-table.js';
import type { ErrorsModuleOptions } from '../interfaces/errors-module-options.interface.js';
import { createRedactor } from '../redact/redaction-policy.js';
import type { ErrorReport } from '../report/error-report.interface.js';
import { mediaTypeOf } from './format-schemas.js';

/** One error as a client receives it. */
export interface RenderedExample {
  /** The report the format rendered, after redaction. */
  readonly report: ErrorReport;
  readonly status: number;
  /** The media type, without parameters, e.g. `application/problem+json`. */
  readonly mediaType: string;
  readonly body: unknown;
  /** The response carries `Retry-After`. */
  readonly retryAfter: boolean;
}

export interface ExampleRenderer {
  readonly format: ErrorFormat;
  render(exception: unknown, context: RenderContext): RenderedExample;
}

/**
 * Renders an error the way `ApiExceptionFilter` answers it, with the same
 * options: classify, settle Retry-After, redact, render in the format. The
 * documented example and the wire answer come from one path; only the
 * request (and so the request id) is made up.
 */
export function createExampleRenderer(options: ErrorsModuleOptions): ExampleRenderer {
  const classify = createClassifier(options);
  const redact = createRedactor({
    production: options.production ?? process.env.NODE_ENV === 'production',
    exposeServerErrorDetails: options.exposeServerErrorDetails ?? false,
  });
  const format = resolveFormat(options.format);
  const defaultRetryAfter = validRetryAfter(options.defaultRetryAfterSeconds ?? 60);
  const mediaType = mediaTypeOf(format);
  return {
    format,
    render(exception, context) {
      let report = classify(exception, context);
      if (carriesRetryAfter(report.definition.status)) {
        report = settleRetryAfter(report, undefined, defaultRetryAfter);
      }
      let sent = redact(report);
      let rendered = format.render(sent, context);
      if (carriesRetryAfter(rendered.status) && sent.retryAfter === undefined) {
        report = settleRetryAfter(report, undefined, defaultRetryAfter, true);
        sent = redact(report);
        rendered = format.render(sent, context);
      }
      return {
        report: sent,
        status: rendered.status,
        mediaType,
        body: rendered.body,
        retryAfter: carriesRetryAfter(rendered.status) && sent.retryAfter !== undefined,
      };
    },
  };
}
