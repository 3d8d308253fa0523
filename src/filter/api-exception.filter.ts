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
import type { RequestFacts } from '../classify/error-mapper.type.js';
import { ERRORS_MODULE_OPTIONS } from '../errors.constants.js';
import { resolveFormat } from '../formats/built-in-formats.js';
import type { ErrorFormat, RenderedError } from '../formats/error-format.interface.js';
import { metaFormat } from '../formats/meta.format.js';
import type { ErrorsModuleOptions } from '../interfaces/errors-module-options.interface.js';
import { createRedactor, type Redactor } from '../redact/redaction-policy.js';
import type { ErrorReport } from '../report/error-report.interface.js';
import { createErrorLogger, type ErrorLogger } from './error-logger.js';
import { FILTER_ON_FASTIFY } from './fastify-framework-errors.js';
import { leaveToNest } from './non-http-exceptions.js';
import { writeError } from './response-writer.js';

const UNKNOWN_REPORT: ErrorReport = Object.freeze({ definition: ERR_UNKNOWN });

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
    const adapter = this.adapterHost.httpAdapter;
    const facts: RequestFacts = {
      method: String(adapter.getRequestMethod(request)),
      url: String(adapter.getRequestUrl(request)),
    };

    let report: ErrorReport;
    let rendered: RenderedError;
    let contentType = this.format.contentType;
    try {
      report = this.redact(this.classify(exception, facts));
      rendered = this.format.render(report, facts);
    } catch (failure) {
      // A mapper or format that throws must not cost the client its answer.
      this.failures.error('Could not render an error; answering 500', traceOf(failure));
      report = UNKNOWN_REPORT;
      ({ rendered, contentType } = this.renderUnknown(facts));
    }

    let sent = false;
    try {
      sent = writeError(adapter, response, rendered, contentType);
    } catch (failure) {
      this.failures.error('Could not send an error response', traceOf(failure));
    }

    try {
      this.log(exception, report, facts, sent);
    } catch {
      // A failing logger must not turn a handled error into an unhandled one.
    }
    return undefined;
  }

  private renderUnknown(facts: RequestFacts): { rendered: RenderedError; contentType: string } {
    try {
      return {
        rendered: this.format.render(UNKNOWN_REPORT, facts),
        contentType: this.format.contentType,
      };
    } catch {
      return {
        rendered: metaFormat.render(UNKNOWN_REPORT, facts),
        contentType: metaFormat.contentType,
      };
    }
  }
}

function traceOf(failure: unknown): string {
  return failure instanceof Error ? (failure.stack ?? String(failure)) : String(failure);
}
