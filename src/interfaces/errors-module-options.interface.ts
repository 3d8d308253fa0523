import type { Type } from '@nestjs/common';
import type { AuthOptions } from '../auth/auth-options.interface.js';
import type { ApiExceptionFilter } from '../filter/api-exception.filter.js';
import type { ClientVersionOptions } from '../version/client-version-options.interface.js';
import type { ErrorDefinition } from '../catalog/error-definition.interface.js';
import type { ErrorMapper } from '../classify/error-mapper.type.js';
import type { ErrorFormatOption } from '../formats/built-in-formats.js';
import type { ApiValidationPipeOptions } from '../validation/api-validation-pipe-options.interface.js';

/**
 * Options of `ErrorsModule.forRoot()` and of `ApiExceptionFilter` used by hand.
 * Every option is read once, at start-up.
 *
 * @publicApi
 */
export interface ErrorsModuleOptions {
  /**
   * The error envelope: `'meta'`, `'error'`, `'flat'`, `'error_code'`, `'problem'`
   * (RFC 9457), or an application's own `ErrorFormat`. Any string is accepted
   * by the type, so `format: process.env.ERROR_FORMAT` compiles; a name that is
   * not a built-in format fails the start-up with an error listing the valid
   * ones. `undefined` (an unset variable) means the default.
   * @default 'meta'
   */
  format?: ErrorFormatOption;

  /**
   * Header the request id is read from (when the client sends a sane one) and
   * echoed in on errors; `false` turns request ids off. Formats with a place
   * for it (`flat`, `problem`) put it in the body too; logs always get it.
   * A header an error answer sets or depends on (`Content-Type`,
   * `Content-Length`, `Retry-After`, `Set-Cookie`, `Transfer-Encoding`, …)
   * fails the start-up.
   * @default 'X-Request-Id'
   */
  requestIdHeader?: string | false;

  /**
   * Finds a request's id the application's own way, replacing the default
   * lookup (the `requestIdHeader` header, Fastify's configured `request.id`,
   * a W3C `traceparent`'s trace id). What it returns is used when it is a
   * sane id (1-128 of `A-Z a-z 0-9 . _ : -`); otherwise a UUID is made.
   * Ignored when `requestIdHeader` is `false`.
   * @default undefined (the default lookup)
   */
  requestId?: (request: any) => string | undefined;

  /**
   * Seconds a 429 or 503 asks the client to wait (`Retry-After`) when neither
   * the error nor a header already on the response says.
   * @default 60
   */
  defaultRetryAfterSeconds?: number;

  /**
   * Catalog entries for Nest and third-party exceptions, by HTTP status,
   * merged over the defaults (400 -> 88, 401 -> 99, 404 -> 10, 500 -> 500).
   * Other statuses render as `{ code: status, message: reason phrase }`.
   * @default {}
   */
  statusMap?: Readonly<Record<number, ErrorDefinition>>;

  /**
   * Catalog entries for the string `errorCode` an `HttpException` was created
   * with (Nest 12's `errorCode` option), e.g. `{ ORDER_LOCKED: ERR_ORDER_LOCKED }`.
   * Formats with numeric codes (`meta`, `error_code`) render the entry; the
   * `flat`, `problem` and `error` formats send the `errorCode` itself as their code.
   * @default {}
   */
  errorCodes?: Readonly<Record<string, ErrorDefinition>>;

  /**
   * The application's own mappers (e.g. for ORM errors), tried in order
   * before the built-in ones.
   * @default []
   */
  mappers?: readonly ErrorMapper[];

  /**
   * Production mode: 5xx responses carry no description.
   * @default process.env.NODE_ENV === 'production'
   */
  production?: boolean;

  /**
   * Send 5xx descriptions (e.g. a database error's details) even in production.
   * @default false
   */
  exposeServerErrorDetails?: boolean;

  /**
   * Answer the requests Node's HTTP parser refuses before any framework sees
   * them (a NUL byte in a header, headers over Node's size limit, a broken
   * request line) with the envelope, instead of Node's empty 400 or 431 (or
   * Fastify's own JSON); and the requests whose `Expect` header is not
   * `100-continue`, instead of Node's empty 417.
   * @default true
   */
  handleClientErrors?: boolean;

  /**
   * Log client errors (4xx) too, one line each at `warn`. Server errors are
   * always logged, with their stack.
   * @default false
   */
  logClientErrors?: boolean;

  /**
   * Options of the global `ApiValidationPipe`, or `false` to register none.
   * @default {} (transform on, Nest's other defaults)
   */
  validation?: false | ApiValidationPipeOptions;

  /**
   * Options of `TwoFactorAuthGuard`; required to use the guard.
   * @default undefined (no guard can be used)
   */
  auth?: AuthOptions;

  /**
   * Options of `ClientVersionGuard`; required to use the guard.
   * @default undefined (no version check)
   */
  clientVersion?: ClientVersionOptions;
}

/**
 * Options of the module itself, given next to {@link ErrorsModuleOptions}
 * in `forRoot()` and `forRootAsync()`; they decide what the module registers,
 * so they cannot come from an async factory.
 *
 * @publicApi
 */
export interface ErrorsModuleExtras {
  /**
   * Make the module global, so its options and the guard can be injected anywhere.
   * @default true
   */
  isGlobal?: boolean;
  /**
   * Register `TwoFactorAuthGuard` for every route (`APP_GUARD`); `@Public()` opts out.
   * @default false
   */
  globalAuthGuard?: boolean;
  /**
   * Register `ClientVersionGuard` for every route (`APP_GUARD`), before the auth guard.
   * @default false
   */
  globalClientVersionGuard?: boolean;
  /**
   * The exception filter the module registers (`APP_FILTER`): a subclass of
   * `ApiExceptionFilter` that overrides an extension point such as `getRequestId`.
   * @default ApiExceptionFilter
   */
  filter?: Type<ApiExceptionFilter>;
}

/**
 * A class `ErrorsModule.forRootAsync({ useClass })` can build the options with;
 * like any provider, it is decorated with Nest's `Injectable()`.
 *
 * @example
 * class ErrorsConfig implements ErrorsOptionsFactory {
 *   constructor(private readonly config: ConfigService) {}
 *   createErrorsOptions(): ErrorsModuleOptions {
 *     return { format: this.config.get('ERROR_FORMAT') };
 *   }
 * }
 *
 * @publicApi
 */
export interface ErrorsOptionsFactory {
  createErrorsOptions(): ErrorsModuleOptions | Promise<ErrorsModuleOptions>;
}
