import { Inject } from '@nestjs/common';
import { AUTH_OPTIONS, CLIENT_VERSION_OPTIONS, ERRORS_MODULE_OPTIONS } from './errors.constants.js';

/**
 * Injects the options `ErrorsModule` was configured with (`ErrorsModuleOptions`).
 *
 * ```ts
 * constructor(@InjectErrorsOptions() options: ErrorsModuleOptions) {}
 * ```
 *
 * @publicApi
 */
export const InjectErrorsOptions = (): PropertyDecorator & ParameterDecorator =>
  Inject(ERRORS_MODULE_OPTIONS);

/**
 * Injects `TwoFactorAuthGuard`'s options (the module's `auth`), and nothing else of the module's.
 *
 * ```ts
 * constructor(@InjectAuthOptions() auth: AuthOptions) {}
 * ```
 *
 * @publicApi
 */
export const InjectAuthOptions = (): PropertyDecorator & ParameterDecorator => Inject(AUTH_OPTIONS);

/**
 * Injects `ClientVersionGuard`'s options (the module's `clientVersion`).
 *
 * ```ts
 * constructor(@InjectClientVersionOptions() versions: ClientVersionOptions) {}
 * ```
 *
 * @publicApi
 */
export const InjectClientVersionOptions = (): PropertyDecorator & ParameterDecorator =>
  Inject(CLIENT_VERSION_OPTIONS);
