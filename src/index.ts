// The public API: everything users import comes from here.
export type {
  AuthOptions,
  AuthSession,
  PresentedToken,
  SessionResolver,
} from './auth/auth-options.interface.js';
export {
  accountBlockedSentence,
  SESSION_EXPIRED_SENTENCE,
  TOKEN_REQUIRED_SENTENCE,
} from './auth/auth-sentences.js';
export { CurrentUser } from './auth/current-user.decorator.js';
export { IS_PUBLIC_KEY, Public } from './auth/public.decorator.js';
export { TwoFactorAuthGuard } from './auth/two-factor-auth.guard.js';
export { defineError } from './catalog/define-error.js';
export {
  ERR_AUTH_REQUIRED,
  ERR_DATABASE_ROLLBACK,
  ERR_INVALID_PARAMETER,
  ERR_NOT_SUPPORTED,
  ERR_PASSWORD_NOT_MATCH,
  ERR_UNKNOWN,
  ERR_USER_NOT_EXISTS,
  ERROR_CATALOG,
  OK,
} from './catalog/error-catalog.js';
export type { ErrorDefinition } from './catalog/error-definition.interface.js';
export { definitionForStatus } from './catalog/status-definitions.js';
export type { ErrorMapper, RequestFacts } from './classify/error-mapper.type.js';
export { ErrorsModule } from './errors.module.js';
export { AUTH_OPTIONS, CLIENT_VERSION_OPTIONS, ERRORS_MODULE_OPTIONS } from './errors.constants.js';
export {
  InjectAuthOptions,
  InjectClientVersionOptions,
  InjectErrorsOptions,
} from './inject-options.decorators.js';
export { AppError, type AppErrorOptions, isAppError } from './exceptions/app.error.js';
export { DatabaseError } from './exceptions/database.error.js';
export { InvalidParameterError } from './exceptions/invalid-parameter.error.js';
export { NotSupportedError } from './exceptions/not-supported.error.js';
export { PasswordNotMatchError } from './exceptions/password-not-match.error.js';
export { UnauthorizedError } from './exceptions/unauthorized.error.js';
export { UserNotExistsError } from './exceptions/user-not-exists.error.js';
export { ApiExceptionFilter } from './filter/api-exception.filter.js';
export { fastifyFrameworkErrors } from './filter/fastify-framework-errors.js';
export type { ErrorFormatName, ErrorFormatOption } from './formats/built-in-formats.js';
export { BUILT_IN_FORMATS } from './formats/built-in-formats.js';
export {
  createErrorCodeFormat,
  type ErrorCodeFormatOptions,
  ErrorCodes,
} from './formats/error-code.format.js';
export {
  createErrorFormat,
  type ErrorEnvelopeCode,
  type ErrorFormatOptions,
} from './formats/error.format.js';
export { createFlatFormat, type FlatFormatOptions } from './formats/flat.format.js';
export type { FormatEntry, FormatTable } from './formats/format-table.js';
export { createProblemFormat, type ProblemFormatOptions } from './formats/problem.format.js';
export type {
  ErrorFormat,
  ErrorFormatSchema,
  RenderContext,
  RenderedError,
} from './formats/error-format.interface.js';
export { metaFormat } from './formats/meta.format.js';
export type {
  ErrorsModuleExtras,
  ErrorsModuleOptions,
  ErrorsOptionsFactory,
} from './interfaces/errors-module-options.interface.js';
export type { ErrorDescription } from './report/error-description.type.js';
export { type ErrorReason, ErrorReasons } from './report/error-reasons.js';
export type { ErrorReport } from './report/error-report.interface.js';
export type { Violation, ViolationLocation } from './report/violation.interface.js';
export { ApiValidationPipe } from './validation/api-validation.pipe.js';
export type { ApiValidationPipeOptions } from './validation/api-validation-pipe-options.interface.js';
export {
  standardSchemaExceptionFactory,
  type StandardSchemaExceptionFactoryOptions,
} from './validation/standard-schema/standard-schema-exception-factory.js';
export type {
  StandardSchema,
  StandardSchemaIssue,
} from './validation/standard-schema/standard-schema.types.js';
export { ClientVersionGuard } from './version/client-version.guard.js';
export type { ClientVersionOptions } from './version/client-version-options.interface.js';
