import type { ErrorReport } from '../report/error-report.interface.js';

/**
 * Facts about the request a format may put in the body, without giving it
 * the request itself.
 *
 * @publicApi
 */
export interface RenderContext {
  /** HTTP method, e.g. `POST`. */
  readonly method: string;
  /** Request URL as received. */
  readonly url: string;
  /** The request id, when request ids are on (see the `requestIdHeader` option). */
  readonly requestId?: string;
}

/**
 * What a format produces: the status, any headers, and the JSON body.
 *
 * @publicApi
 */
export interface RenderedError {
  /** The HTTP status sent; a format may differ from the entry's (e.g. 422 for validation). */
  readonly status: number;
  /** Headers to set on the response, e.g. `{ 'Retry-After': '2' }`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The body, serialised as JSON. */
  readonly body: unknown;
}

/**
 * How a format's bodies are described in an OpenAPI document, for formats of
 * your own (`nestjs-api-errors/swagger` knows the built-in ones). Plain data:
 * nothing here loads `@nestjs/swagger`.
 *
 * @publicApi
 */
export interface ErrorFormatSchema {
  /** Name of the reusable schema under `components.schemas`, e.g. `PlainError`. */
  readonly name: string;
  /** OpenAPI schema object every body of the format matches. */
  readonly schema: Readonly<Record<string, unknown>>;
  /**
   * Property path of the code clients branch on, e.g. `['error', 'code']`. With it,
   * the shared schema lists every code in use and each response narrows it to its own.
   */
  readonly codePath?: readonly string[];
}

/**
 * An error envelope: a pure function of the report and the request facts,
 * with no I/O and no Nest, so it can be tested against examples of its envelope
 * without a server.
 *
 * @example
 * const plain: ErrorFormat = {
 *   name: 'plain',
 *   contentType: 'application/json',
 *   render: (report) => ({ status: report.definition.status, body: { error: report.definition.title } }),
 * };
 *
 * @publicApi
 */
export interface ErrorFormat {
  /** Short name, used in logs and the README tables. */
  readonly name: string;
  /** Content-Type of the body, e.g. `application/json`. */
  readonly contentType: string;
  /** The answer to one error; called once per error, so it should only build the body. */
  render(report: ErrorReport, context: RenderContext): RenderedError;
  /**
   * The schema of its bodies, for OpenAPI documents. Without one, a format of
   * your own is documented as an object, with the rendered examples.
   */
  readonly openApi?: ErrorFormatSchema;
}
