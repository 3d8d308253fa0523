import type { SwaggerDocumentOptions } from '@nestjs/swagger';
import type { ErrorsModuleOptions } from '../interfaces/errors-module-options.interface.js';

/**
 * Options of {@link documentErrors}.
 *
 * @publicApi
 */
export interface DocumentErrorsOptions {
  /**
   * The options the errors are answered with. Read from `ErrorsModule` by
   * default; pass them when the app builds `ApiExceptionFilter` by hand.
   * Their `validation` is not read: each parameter is documented with the
   * options of the `ApiValidationPipe` that checks it, as that pipe was built.
   * @default the options of the app's ErrorsModule
   */
  errorsOptions?: ErrorsModuleOptions;
  /**
   * The options the document was built with (`SwaggerModule.createDocument`'s
   * third argument), so routes are found under the same paths, e.g. with
   * `ignoreGlobalPrefix` or `include`.
   * @default {}
   */
  documentOptions?: SwaggerDocumentOptions;
}
