import { ConfigurableModuleBuilder, type Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ApiExceptionFilter } from './filter/api-exception.filter.js';
import { TwoFactorAuthGuard } from './auth/two-factor-auth.guard.js';
import { AUTH_OPTIONS, CLIENT_VERSION_OPTIONS, ERRORS_MODULE_OPTIONS } from './errors.constants.js';
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

/**
 * Each part's own options, provided apart from the whole, so a guard is
 * given its own settings and nothing else.
 */
const PART_OPTIONS: Provider[] = [
  {
    provide: AUTH_OPTIONS,
    inject: [ERRORS_MODULE_OPTIONS],
    useFactory: (options: ErrorsModuleOptions = {}) => options.auth,
  },
  {
    provide: CLIENT_VERSION_OPTIONS,
    inject: [ERRORS_MODULE_OPTIONS],
    useFactory: (options: ErrorsModuleOptions = {}) => options.clientVersion,
  },
];

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
  moduleName: 'Errors',
  optionsInjectionToken: ERRORS_MODULE_OPTIONS,
})
  .setClassMethodName('forRoot')
  .setFactoryMethodName('createErrorsOptions')
  .setExtras(DEFAULT_EXTRAS, (definition, extras) => ({
    ...definition,
    global: extras.isGlobal,
    // Lets `@UseGuards(TwoFactorAuthGuard)` anywhere in the app find its options.
    exports: [
      ...(definition.exports ?? []),
      ERRORS_MODULE_OPTIONS,
      AUTH_OPTIONS,
      CLIENT_VERSION_OPTIONS,
    ],
    // Decided here, not in a provider factory, so an app without a global
    // guard pays nothing for it on each request.
    providers: [
      ...(definition.providers ?? []),
      ...PART_OPTIONS,
      { provide: APP_FILTER, useClass: extras.filter },
      ...globalGuards(extras),
    ],
  }))
  .build();
