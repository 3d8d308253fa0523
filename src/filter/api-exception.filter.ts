import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Inject,
  Logger,
  type OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ERR_UNKNOWN } from '../catalog/error-catalog.js';
import { type Classifier, createClassifier } from '../classify/create-classifier.js';
import { ERRORS_MODULE_OPTIONS } from '../errors.constants.js';
import { resolveFormat } from '../formats/built-in-formats.js';
import type {
  ErrorFormat,
  RenderContext,
  RenderedError,
} from '../formats/error-format.interface.js';
import { metaFormat } from '../formats/meta.format.js';
import type { ErrorsModuleOptions } from '../interfaces/errors-module-options.interface.js';
import { createRedactor, type Redactor } from '../redact/redaction-policy.js';
import type { ErrorReport } from '../report/error-report.interface.js';
import { answerRefusedRequests } from './client-error-responder.js';
import { createErrorLogger, type ErrorLogger } from './error-logger.js';
import { FILTER_ON_FASTIFY } from './fastify-framework-errors.js';
import { leaveToNest } from './non-http-exceptions.js';
import { requestIdOf } from './request-id.js';
import { writeError } from './response-writer.js';
import { needsRetryAfter, retryAfterHeader, settleRetryAfter } from './retry-after.js';

const UNKNOWN_REPORT: ErrorReport = Object.freeze({ definition: ERR_UNKNOWN });

/** Statuses of the requests Node's parser refuses, by its error code; any other is a 400. */
const REFUSED_STATUS: Readonly<Record<string, number>> = {
  HPE_HEADER_OVERFLOW: 431,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

interface HttpAdapter {
  getRequestMethod(request: unknown): string;
  getRequestUrl(request: unknown): string;
  getHeader?(response: unknown, name: string): unknown;
  getInstance(): unknown;
  getHttpServer?(): unknown;
  isHeadersSent(response: unknown): boolean;
  setHeader(response: unknown, name: string, value: string): unknown;
  reply(response: unknown, body: unknown, status?: number): unknown;
  end(response: unknown, message?: string): unknown;
}

/**
 * The global exception filter: every error thrown while serving an HTTP
 * request becomes one envelope. Each error goes classify -> redact -> render
 * -> send -> log; everything those steps need is built here, once.
 *
 * `ErrorsModule` registers it for you. To use it without the module:
 * @example
 * const app = await NestFactory.create(AppModule);
 * app.useGlobalFilters(new ApiExceptionFilter(app.get(HttpAdapterHost), { format: 'meta' }));
 *
 * @publicApi
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter, OnApplicationBootstrap {
  private readonly classify: Classifier;
  private readonly redact: Redactor;
  private readonly format: ErrorFormat;
  private readonly log: ErrorLogger;
  private readonly requestIdHeader: string | undefined;
  private readonly defaultRetryAfter: number;
  private readonly handleClientErrors: boolean;
  private readonly failures = new Logger(ApiExceptionFilter.name);

  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Optional() @Inject(ERRORS_MODULE_OPTIONS) options: ErrorsModuleOptions = {},
  ) {
    this.classify = createClassifier(options);
    this.redact = createRedactor({
      production: options.production ?? process.env.NODE_ENV === 'production',
      exposeServerErrorDetails: options.exposeServerErrorDetails ?? false,
    });
    this.format = resolveFormat(options.format);
    this.log = createErrorLogger({ logClientErrors: options.logClientErrors ?? false });
    const header = options.requestIdHeader ?? 'X-Request-Id';
    this.requestIdHeader = header === false ? undefined : header.toLowerCase();
    this.defaultRetryAfter = options.defaultRetryAfterSeconds ?? 60;
    this.handleClientErrors = options.handleClientErrors ?? true;
  }

  /**
   * Reaches the errors that happen before Nest sees a request: lets
   * `fastifyFrameworkErrors` find this filter, and answers the requests
   * Node's HTTP parser refuses.
   */
  onApplicationBootstrap(): void {
    const adapter = this.adapterHost.httpAdapter as unknown as HttpAdapter | undefined;
    const instance: unknown = adapter?.getInstance();
    if (typeof instance === 'object' && instance !== null && 'decorate' in instance) {
      Object.defineProperty(instance, FILTER_ON_FASTIFY, { value: this, configurable: true });
    }
    if (this.handleClientErrors) {
      answerRefusedRequests(adapter?.getHttpServer?.(), (error) => this.renderRefused(error));
    }
  }

  catch(exception: unknown, host: ArgumentsHost): undefined {
    if (host.getType() !== 'http') return leaveToNest(exception, host);

    const http = host.switchToHttp();
    const request: unknown = http.getRequest();
    const response: unknown = http.getResponse();
    const adapter = this.adapterHost.httpAdapter as unknown as HttpAdapter;
    const context: RenderContext = {
      method: String(adapter.getRequestMethod(request)),
      url: String(adapter.getRequestUrl(request)),
      requestId:
        this.requestIdHeader === undefined ? undefined : requestIdOf(request, this.requestIdHeader),
    };

    let report: ErrorReport;
    let rendered: RenderedError;
    let contentType = this.format.contentType;
    try {
      report = this.classify(exception, context);
      if (needsRetryAfter(report.definition.status)) {
        report = settleRetryAfter(
          report,
          adapter.getHeader?.(response, 'retry-after'),
          this.defaultRetryAfter,
        );
      }
      report = this.redact(report);
      rendered = this.format.render(report, context);
    } catch (failure) {
      // A mapper or format that throws must not cost the client its answer.
      this.failures.error('Could not render an error; answering 500', traceOf(failure));
      report = UNKNOWN_REPORT;
      ({ rendered, contentType } = this.renderUnknown(context));
    }

    let sent: boolean;
    try {
      sent = writeError(
        adapter,
        response,
        rendered,
        this.headersFor(report, rendered, contentType, context),
      );
    } catch (failure) {
      // The body could not be serialised, or the adapter refused a header: answer a bare 500.
      this.failures.error('Could not send an error response; answering 500', traceOf(failure));
      sent = this.sendUnknown(adapter, response, context);
    }

    try {
      this.log(exception, report, context, sent);
    } catch {
      // A failing logger must not turn a handled error into an unhandled one.
    }
    return undefined;
  }

  /** The headers every error gets, whatever the format: type, request id, Retry-After. */
  private headersFor(
    report: ErrorReport,
    rendered: RenderedError,
    contentType: string,
    context: RenderContext,
  ): Record<string, string> {
    const headers: Record<string, string> = { 'Content-Type': contentType };
    if (context.requestId !== undefined && this.requestIdHeader !== undefined) {
      headers[this.requestIdHeader] = context.requestId;
    }
    if (needsRetryAfter(rendered.status) && report.retryAfter !== undefined) {
      headers['Retry-After'] = retryAfterHeader(report.retryAfter);
    }
    return headers;
  }

  /** The answer to a request Node refused, through the same classify, redact and render steps. */
  private renderRefused(error: Error & { code?: string }): {
    rendered: RenderedError;
    headers: Record<string, string>;
  } {
    const status = REFUSED_STATUS[error.code ?? ''] ?? 400;
    const context: RenderContext = {
      method: '',
      url: '',
      requestId:
        this.requestIdHeader === undefined ? undefined : requestIdOf({}, this.requestIdHeader),
    };
    const exception = new HttpException('Refused by the HTTP parser', status, { cause: error });
    const report = this.redact(this.classify(exception, context));
    const rendered = this.format.render(report, context);
    return {
      rendered,
      headers: this.headersFor(report, rendered, this.format.contentType, context),
    };
  }

  private sendUnknown(adapter: HttpAdapter, response: unknown, context: RenderContext): boolean {
    const { rendered, contentType } = this.renderUnknown(context);
    try {
      return writeError(adapter, response, rendered, { 'Content-Type': contentType });
    } catch (failure) {
      this.failures.error('Could not send the fallback response either', traceOf(failure));
      adapter.end(response);
      return false;
    }
  }

  private renderUnknown(context: RenderContext): { rendered: RenderedError; contentType: string } {
    try {
      return {
        rendered: this.format.render(UNKNOWN_REPORT, context),
        contentType: this.format.contentType,
      };
    } catch {
      return {
        rendered: metaFormat.render(UNKNOWN_REPORT, context),
        contentType: metaFormat.contentType,
      };
    }
  }
}

function traceOf(failure: unknown): string {
  return failure instanceof Error ? (failure.stack ?? String(failure)) : String(failure);
}
