import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
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
import { createErrorLogger, type ErrorLogger } from './error-logger.js';
import { FILTER_ON_FASTIFY } from './fastify-framework-errors.js';
import { leaveToNest } from './non-http-exceptions.js';
import { requestIdOf } from './request-id.js';
import { writeError } from './response-writer.js';
import { needsRetryAfter, retryAfterHeader, settleRetryAfter } from './retry-after.js';

const UNKNOWN_REPORT: ErrorReport = Object.freeze({ definition: ERR_UNKNOWN });

interface HttpAdapter {
  getRequestMethod(request: unknown): string;
  getRequestUrl(request: unknown): string;
  getHeader?(response: unknown, name: string): unknown;
  getInstance(): unknown;
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
  }

  /** Lets `fastifyFrameworkErrors` find this filter for the errors Fastify's router answers. */
  onApplicationBootstrap(): void {
    const instance: unknown = this.adapterHost.httpAdapter?.getInstance();
    if (typeof instance === 'object' && instance !== null && 'decorate' in instance) {
      Object.defineProperty(instance, FILTER_ON_FASTIFY, { value: this, configurable: true });
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

    let sent = false;
    try {
      sent = writeError(
        adapter,
        response,
        rendered,
        this.headersFor(report, rendered, contentType, context),
      );
    } catch (failure) {
      this.failures.error('Could not send an error response', traceOf(failure));
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
