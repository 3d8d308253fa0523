import { HttpException } from '@nestjs/common';
import { ERR_UNKNOWN } from '../catalog/error-catalog.js';
import type { ErrorDefinition } from '../catalog/error-definition.interface.js';
import type { ErrorDescription } from '../report/error-description.type.js';
import type { Violation } from '../report/violation.interface.js';

/**
 * Marks AppErrors across duplicate installs of this package, where two copies
 * of the class make `instanceof` fail (the same trick as fastify-error).
 */
const APP_ERROR_BRAND = Symbol.for('nestjs-api-errors.AppError');

/**
 * What an {@link AppError} may carry besides its entry and description.
 *
 * @publicApi
 */
export interface AppErrorOptions {
  /** The underlying error, kept for logs and never sent to the client. */
  cause?: unknown;
  /** Field-level failures; set by the validation pipe. */
  violations?: readonly Violation[];
  /** The specific cause, for formats that tell causes apart (see `ErrorReasons`). */
  reason?: string;
  /** Seconds the client should wait before retrying; sent as `Retry-After` on 429 and 503. */
  retryAfter?: number;
  /** Extra members formats show next to their code and message, e.g. `{ min_version: '1.2.0' }`. */
  extras?: Readonly<Record<string, unknown>>;
}

/**
 * Base of every catalog exception. Each instance carries its own description,
 * so one request's details can never leak into another's response (the shared
 * catalog entry is frozen and never written to).
 *
 * @example
 * throw new AppError(ERR_OUT_OF_STOCK, 'Only 3 left');
 *
 * @publicApi
 */
export class AppError extends HttpException {
  /** The catalog entry this error renders as. */
  readonly definition: ErrorDefinition;
  /** What the client is told beyond the title, if anything. */
  readonly description: ErrorDescription | undefined;
  /** Field-level failures, when the error comes from validation. */
  readonly violations: readonly Violation[] | undefined;
  /** The specific cause, if tagged. */
  readonly reason: string | undefined;
  /** Seconds before a retry makes sense, if known. */
  readonly retryAfter: number | undefined;
  /** Extra members for the envelope, if any. */
  readonly extras: Readonly<Record<string, unknown>> | undefined;

  constructor(
    definition: ErrorDefinition = ERR_UNKNOWN,
    description?: ErrorDescription,
    options: AppErrorOptions = {},
  ) {
    // The body Nest's own filter would send if this library's filter is not installed.
    super(
      { statusCode: definition.status, code: definition.code, message: definition.title },
      definition.status,
      { cause: options.cause },
    );
    this.definition = definition;
    this.description = description ?? undefined;
    this.violations = options.violations;
    this.reason = options.reason;
    this.retryAfter = options.retryAfter;
    this.extras = options.extras;
    this.message = typeof description === 'string' ? description : definition.title;
  }

  /** The catalog code, e.g. `88`. */
  get code(): number | string {
    return this.definition.code;
  }

  /** The catalog title, e.g. `"Invalid Parameter"`. */
  get title(): string {
    return this.definition.title;
  }
}

Object.defineProperty(AppError.prototype, APP_ERROR_BRAND, { value: true });

/**
 * Whether a value is an {@link AppError}, also when it comes from another copy
 * of this package.
 *
 * @publicApi
 */
export function isAppError(value: unknown): value is AppError {
  return (
    value instanceof AppError ||
    (typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[APP_ERROR_BRAND] === true)
  );
}
