import { type DynamicModule, Module, type PipeTransform, type Provider } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { ERRORS_MODULE_OPTIONS } from './errors.constants.js';
import {
  ConfigurableErrorsModule,
  ERRORS_ASYNC_OPTIONS_TYPE,
  ERRORS_OPTIONS_TYPE,
} from './errors.module-definition.js';
import type { ErrorsModuleOptions } from './interfaces/errors-module-options.interface.js';
import { ApiValidationPipe } from './validation/api-validation.pipe.js';

/** Stands in for the pipe when `validation: false` comes from an async factory, too late to drop it. */
const passThrough: PipeTransform = { transform: (value: unknown) => value };

const validationPipe: Provider = {
  provide: APP_PIPE,
  inject: [ERRORS_MODULE_OPTIONS],
  useFactory: (options: ErrorsModuleOptions = {}) =>
    options.validation === false ? passThrough : new ApiValidationPipe(options.validation),
};

/**
 * Importing this module is the whole set-up: it registers the global
 * `ApiExceptionFilter` and, unless `validation: false`, the global
 * {@link ApiValidationPipe}. The module is global (`isGlobal: false` makes it
 * a regular one). Import it once, in the root module's
 * `imports: [ErrorsModule.forRoot()]`, or build the options from services:
 *
 * @example
 * ErrorsModule.forRootAsync({
 *   imports: [ConfigModule],
 *   inject: [ConfigService],
 *   useFactory: (config: ConfigService) => ({ production: config.get('NODE_ENV') === 'production' }),
 * });
 *
 * @publicApi
 */
@Module({})
export class ErrorsModule extends ConfigurableErrorsModule {
  static override forRoot(options: typeof ERRORS_OPTIONS_TYPE = {}): DynamicModule {
    const module = super.forRoot(options);
    // Known now, so `validation: false` costs nothing per request.
    if (options.validation === false) return module;
    return { ...module, providers: [...(module.providers ?? []), validationPipe] };
  }

  static override forRootAsync(options: typeof ERRORS_ASYNC_OPTIONS_TYPE): DynamicModule {
    const module = super.forRootAsync(options);
    return { ...module, providers: [...(module.providers ?? []), validationPipe] };
  }
}
