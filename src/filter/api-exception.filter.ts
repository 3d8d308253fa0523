import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Inject,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleInit,
  Optional,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import {
  type Classifier,
  createClassifier,
  UNKNOWN_REPORT,
} from '../classify/create-classifier.js';
import { handParserErrorsAsCause } from '../classify/parser-error-handoff.js';
import { statusOfRefusedRequest } from '../classify/request-parsing.mapper.js';
import { ERRORS_MODULE_OPTIONS } from '../errors.constants.js';
import { resolveFormat } from '../formats/built-in-formats.js';
import type {
  ErrorFormat,
  RenderContext,
  RenderedError,
} from '../formats/error-format.interface.js';
import { carriesRetryAfter } from '../formats/format-table.js';
import { metaFormat } from '../formats/meta.format.js';
import type { ErrorsModuleOptions } from '../interfaces/errors-module-options.interface.js';
import { createRedactor, type Redactor } from '../redact/redaction-policy.js';
import type { ErrorReport } from '../report/error-report.interface.js';
import { answerRefusedRequests } from './client-error-responder.js';
import { createErrorLogger, type ErrorLogger, traceOf } from './error-logger.js';
import { FILTER_ON_FASTIFY } from './fastify-framework-errors.js';
import { leaveToNest } from './non-http-exceptions.js';
import { requestIdOf } from './request-id.js';
import { type HttpAdapterLike, writeError } from './response-writer.js';
import { retryAfterHeader, settleRetryAfter, validRetryAfter } from './retry-after.js';

/** What the filter reads from Nest's HTTP adapter besides what the writer needs. */
interface HttpAdapter extends HttpAdapterLike {
  getRequestMethod(request: unknown): string;
  getRequestUrl(request: unknown): string;
  getHeader?(response: unknown, name: string): unknown;
  getInstance(): unknown;
  getHttpServer?(): unknown;
}

/** A report and its rendering; `report` is what was classified, before redaction, for the log. */
interface Answer {
  readonly report: ErrorReport;
  readonly sentReport: ErrorReport;
  readonly rendered: RenderedError;
  readonly contentType: string;
}

/**
 * The global exception filter: every error thrown while serving an HTTP
 * request becomes one envelope. Each error goes classify -> redact -> render
 * -> send -> log; everything those steps need is built here, once.
 *
 * `ErrorsModule` registers it for you. To use it without the module, create
 * it once the app exists:
 * @example
 * const app = await NestFactory.create(AppModule);
 * app.useGlobalFilters(new ApiExceptionFilter(app.get(HttpAdapterHost), { format: 'meta' }));
 *
 * @publicApi
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter, OnModuleInit, OnApplicationBootstrap {
  private readonly classify: Classifier;
  private readonly redact: Redactor;
  private readonly format: ErrorFormat;
  private readonly log: ErrorLogger;
  private readonly requestIdHeader: string | undefined;
  private readonly defaultRetryAfter: number;
  private readonly handleClientErrors: boolean;
  private readonly failures = new Logger(ApiExceptionFilter.name);
  private attached = false;

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
    this.defaultRetryAfter = validRetryAfter(options.defaultRetryAfterSeconds ?? 60);
    this.handleClientErrors = options.handleClientErrors ?? true;
    handParserErrorsAsCause(adapterHost?.httpAdapter);
    // Created by hand after `NestFactory.create()`, the server exists already
    // and Nest will not call `onApplicationBootstrap()` on this instance.
    this.attach();
  }

  /** Built by `@nestjs/testing`, the filter exists before the adapter does. */
  onModuleInit(): void {
    handParserErrorsAsCause(this.adapterHost?.httpAdapter);
  }

  /** Registered by the module, the filter exists before the server does. */
  onApplicationBootstrap(): void {
    this.attach();
  }

  catch(exception: unknown, host: ArgumentsHost): undefined {
    if (host.getType() !== 'http') return leaveToNest(exception, host);

    const http = host.switchToHttp();
    const request: unknown = http.getRequest();
    const response: unknown = http.getResponse();
    const adapter = this.adapter();
    const context: RenderContext = {
      method: String(adapter.getRequestMethod(request)),
      url: String(adapter.getRequestUrl(request)),
      requestId:
        this.requestIdHeader === undefined ? undefined : requestIdOf(request, this.requestIdHeader),
    };

    const answer = this.answer(exception, context, () =>
      adapter.getHeader?.(response, 'retry-after'),
    );
    let sent: boolean;
    try {
      sent = writeError(adapter, response, answer.rendered, this.headersFor(answer, context));
    } catch (failure) {
      // The body could not be serialised, or the adapter refused a header: answer a bare 500.
      this.failures.error('Could not send an error response; answering 500', traceOf(failure));
      sent = this.sendUnknown(adapter, response, context);
    }

    try {
      this.log(exception, answer.report, context, sent);
    } catch {
      // A failing logger must not turn a handled error into an unhandled one.
    }
    return undefined;
  }

  /**
   * Reaches the errors that happen before Nest sees a request: lets
   * `fastifyFrameworkErrors` find this filter, and answers the requests
   * Node's HTTP parser refuses. Done once, as soon as the server exists.
   */
  private attach(): void {
    const adapter = this.adapterHost?.httpAdapter as unknown as HttpAdapter | undefined;
    const server = adapter?.getHttpServer?.();
    if (this.attached || adapter === undefined || server === undefined) return;
    this.attached = true;
    const instance: unknown = adapter.getInstance();
    if (typeof instance === 'object' && instance !== null && 'decorate' in instance) {
      Object.defineProperty(instance, FILTER_ON_FASTIFY, { value: this, configurable: true });
    }
    if (this.handleClientErrors) {
      answerRefusedRequests(server, (error) => this.renderRefused(error));
    }
  }

  /** Classify, settle Retry-After, redact, render; a step that throws costs a bare 500, not the answer. */
  private answer(
    exception: unknown,
    context: RenderContext,
    retryAfterOnResponse: () => unknown,
  ): Answer {
    try {
      let report = this.classify(exception, context);
      if (carriesRetryAfter(report.definition.status)) {
        report = settleRetryAfter(report, retryAfterOnResponse(), this.defaultRetryAfter);
      }
      let sentReport = this.redact(report);
      let rendered = this.format.render(sentReport, context);
      if (carriesRetryAfter(rendered.status) && sentReport.retryAfter === undefined) {
        // The format answered 429 or 503 for an entry that is neither: settle and render again.
        report = settleRetryAfter(report, retryAfterOnResponse(), this.defaultRetryAfter, true);
        sentReport = this.redact(report);
        rendered = this.format.render(sentReport, context);
      }
      return { report, sentReport, rendered, contentType: this.format.contentType };
    } catch (failure) {
      this.failures.error(
        `Could not render an error in the "${this.format.name}" format; answering 500`,
        traceOf(failure),
      );
      return { report: UNKNOWN_REPORT, sentReport: UNKNOWN_REPORT, ...this.renderUnknown(context) };
    }
  }

  /** The headers every error gets, whatever the format: type, request id, Retry-After. */
  private headersFor(answer: Answer, context: RenderContext): Record<string, string> {
    const headers: Record<string, string> = { 'Content-Type': answer.contentType };
    if (context.requestId !== undefined && this.requestIdHeader !== undefined) {
      headers[this.requestIdHeader] = context.requestId;
    }
    const { retryAfter } = answer.sentReport;
    if (carriesRetryAfter(answer.rendered.status) && retryAfter !== undefined) {
      headers['Retry-After'] = retryAfterHeader(retryAfter);
    }
    return headers;
  }

  /** The answer to a request Node refused, through the same steps as any other error. */
  private renderRefused(error: Error & { code?: string }): {
    rendered: RenderedError;
    headers: Record<string, string>;
  } {
    const context: RenderContext = {
      method: '',
      url: '',
      requestId:
        this.requestIdHeader === undefined ? undefined : requestIdOf({}, this.requestIdHeader),
    };
    const status = statusOfRefusedRequest(error.code);
    const exception = new HttpException('Refused by the HTTP parser', status, { cause: error });
    const answer = this.answer(exception, context, () => undefined);
    return { rendered: answer.rendered, headers: this.headersFor(answer, context) };
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

  private adapter(): HttpAdapter {
    return this.adapterHost.httpAdapter;
  }
}
