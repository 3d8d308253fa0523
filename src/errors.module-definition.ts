import { ConfigurableModuleBuilder, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TwoFactorAuthGuard } from './auth/two-factor-auth.guard.js';
import { ERRORS_MODULE_OPTIONS } from './errors.constants.js';
import type {
  ErrorsModuleExtras,
  ErrorsModuleOptions,
} from './interfaces/errors-module-options.interface.js';

const DEFAULT_EXTRAS: ErrorsModuleExtras = { isGlobal: true, globalAuthGuard: false };

const globalAuthGuard: Provider = { provide: APP_GUARD, useExisting: TwoFactorAuthGuard };

export const {
  ConfigurableModuleClass: ConfigurableErrorsModule,
  OPTIONS_TYPE: ERRORS_OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE: ERRORS_ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<ErrorsModuleOptions>({
  moduleName: 'ApiErrors',
  optionsInjectionToken: ERRORS_MODULE_OPTIONS,
})
  .setClassMethodName('forRoot')
  .setExtras(DEFAULT_EXTRAS, (definition, extras) => ({
    ...definition,
    global: extras.isGlobal,
    // Lets `@UseGuards(TwoFactorAuthGuard)` anywhere in the app find the options.
    exports: [...(definition.exports ?? []), ERRORS_MODULE_OPTIONS],
    // Decided here, not in a provider factory, so an app without the global
    // guard pays nothing for it on each request.
    providers: extras.globalAuthGuard
      ? [...(definition.providers ?? []), TwoFactorAuthGuard, globalAuthGuard]
      : definition.providers,
  }))
  .build();
