import { ERR_UNKNOWN } from '../catalog/error-catalog.js';
import type { ErrorDefinition } from '../catalog/error-definition.interface.js';
import type { ErrorReport } from '../report/error-report.interface.js';
import { appErrorMapper } from './app-error.mapper.js';
import type { ErrorMapper, RequestFacts } from './error-mapper.type.js';
import { createHttpErrorMapper } from './http-error.mapper.js';
import { createHttpExceptionMapper } from './http-exception.mapper.js';
import { createRequestParsingMapper } from './request-parsing.mapper.js';
import { createRouteNotFoundMapper } from './route-not-found.mapper.js';
import { safeReport } from '../report/safe-report.js';
import { createErrorCodeMapper } from './error-code-map.js';
import { createStatusMapper } from './status-map.js';

/** Turns anything thrown into an {@link ErrorReport}. */
export type Classifier = (exception: unknown, request: RequestFacts) => ErrorReport;

export interface ClassifierOptions {
  readonly statusMap?: Readonly<Record<number, ErrorDefinition>>;
  readonly errorCodes?: Readonly<Record<string, ErrorDefinition>>;
  readonly mappers?: readonly ErrorMapper[];
}

/** The report of anything no mapper recognises: a bare 500, nothing about the cause. */
export const UNKNOWN_REPORT: ErrorReport = Object.freeze({ definition: ERR_UNKNOWN });

/** Builds the ordered mapper list once, at start-up; the application's own mappers come first. */
export function createClassifier(options: ClassifierOptions = {}): Classifier {
  const definitionFor = createStatusMapper(options.statusMap);
  const mappers: readonly ErrorMapper[] = [
    ...(options.mappers ?? []),
    appErrorMapper,
    createRouteNotFoundMapper(definitionFor),
    createRequestParsingMapper(definitionFor),
    createHttpExceptionMapper(definitionFor, createErrorCodeMapper(options.errorCodes)),
    createHttpErrorMapper(definitionFor),
  ];
  return (exception, request) => {
    for (const mapper of mappers) {
      const report = mapper(exception, request);
      // Whatever a mapper (an application's too) attached, the response can hold it.
      if (report !== undefined) return safeReport(report);
    }
    return UNKNOWN_REPORT;
  };
}
