// nestjs-api-errors/swagger: the error catalog in OpenAPI documents. The only
// entry that loads @nestjs/swagger; the package root never does.
export {
  type ApiErrorEntry,
  type ApiErrorEntryOptions,
  ApiErrors,
} from './api-errors.decorator.js';
export { documentErrors } from './document-errors.js';
export type { DocumentErrorsOptions } from './document-errors-options.interface.js';
export type { ErrorFormatSchema } from '../formats/error-format.interface.js';
