import { ConfigurableModuleBuilder, type Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ApiExceptionFilter } from './filter/api-exception.filter.js';
import { TwoFactorAuthGuard } from './auth/two-factor-auth.guard.js';
import { ERRORS_MODULE_OPTIONS } from './errors.constants.js';
import { ClientVersionGuard } from './version/client-version.guard.js';
import type {
  ErrorsModuleExtras,
  ErrorsModuleOptions,
} from './interfaces/errors-module-options.interface.js';

const DEFAULT_EXTRAS: Required<ErrorsModuleExtras> = {
  isGlobal: true,
  globalAuthGuard: false,
  globalClientVersionGuard: false,
  filter: ApiExceptionFilter,
};

/** The global guards asked for, in the order they run: version first, then auth. */
function globalGuards(extras: Required<ErrorsModuleExtras>): Provider[] {
  const guards: Provider[] = [];
  if (extras.globalClientVersionGuard) {
    guards.push(ClientVersionGuard, { provide: APP_GUARD, useExisting: ClientVersionGuard });
  }
  if (extras.globalAuthGuard) {
    guards.push(TwoFactorAuthGuard, { provide: APP_GUARD, useExisting: TwoFactorAuthGuard });
  }
  return guards;
}

export const {
  ConfigurableModuleClass: ConfigurableErrorsModule,
  OPTIONS_TYPE: ERRORS_OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE: ERRORS_ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<ErrorsModuleOptions>({
  moduleName: 'ApiErrors',
  optionsInjectionToken: ERRORS_MODULE_OPTIONS,
})
  .setClassMethodName('forRoot')
  .setFactoryMethodName('createErrorsOptions')
  .setExtras(DEFAULT_EXTRAS, (definition, extras) => ({
    ...definition,
    global: extras.isGlobal,
    // Lets `@UseGuards(TwoFactorAuthGuard)` anywhere in the app find the options.
    exports: [...(definition.exports ?? []), ERRORS_MODULE_OPTIONS],
    // Decided here, not in a provider factory, so an app without a global
    // guard pays nothing for it on each request.
    providers: [
      ...(definition.providers ?? []),
      { provide: APP_FILTER, useClass: extras.filter },
      ...globalGuards(extras),
    ],
  }))
  .build();
