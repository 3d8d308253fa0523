import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { ErrorsModuleOptions } from './interfaces/errors-module-options.interface.js';

export const {
  ConfigurableModuleClass: ConfigurableErrorsModule,
  MODULE_OPTIONS_TOKEN: ERRORS_MODULE_OPTIONS,
  OPTIONS_TYPE: ERRORS_OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE: ERRORS_ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<ErrorsModuleOptions>({ moduleName: 'ApiErrors' })
  .setClassMethodName('forRoot')
  .setExtras({ isGlobal: true }, (definition, extras) => ({
    ...definition,
    global: extras.isGlobal,
  }))
  .build();
