import { createErrorRenderer } from '../filter/render-error.js';
import { resolveFormat } from '../formats/built-in-formats.js';
import type { ErrorFormat, RenderContext } from '../formats/error-format.interface.js';
import { carriesRetryAfter } from '../formats/format-table.js';
import type { ErrorsModuleOptions } from '../interfaces/errors-module-options.interface.js';
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
  const format = resolveFormat(options.format);
  const renderError = createErrorRenderer(options, format);
  const mediaType = mediaTypeOf(format);
  return {
    format,
    render(exception, context) {
      const { shown, rendered } = renderError(exception, context);
      return {
        report: shown,
        status: rendered.status,
        mediaType,
        body: rendered.body,
        retryAfter: carriesRetryAfter(rendered.status) && shown.retryAfter !== undefined,
      };
    },
  };
}
