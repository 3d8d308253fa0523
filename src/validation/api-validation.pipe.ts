import { type ArgumentMetadata, Injectable, Optional, type PipeTransform } from '@nestjs/common';
import type { ApiValidationPipeOptions } from './api-validation-pipe-options.interface.js';
import { ClassValidationPipe } from './class-validation.pipe.js';
import { loadClassValidatorPackages } from './class-validator-packages.js';
import { stripProtoKeysWithinDepth } from './nesting-depth.js';
import { collectIssueViolations } from './standard-schema/collect-issues.js';
import { issueReadingOf, messageVendorsOf } from './standard-schema/issue-reading.js';
import { isStandardSchema, type StandardSchema } from './standard-schema/standard-schema.types.js';
import { keepPipeSettings } from './validation-pipe-settings.js';
import {
  invalidParameters,
  nestedTooDeeply,
  NestingTooDeep,
  ValidationFailure,
} from './validation-failure.js';

/**
 * Validates route parameters and turns every failure into
 * {@link InvalidParameterError} (400 / 88) carrying its violations. The
 * description is the first failure as a sentence (`"product_id is required"`),
 * or all of them with `allErrors`.
 *
 * - A parameter with a Standard Schema (Nest 12's `@Body({ schema })`, with
 *   zod, valibot or any library implementing the standard) is validated by
 *   its schema, with the same paths as class-validator's. zod's and valibot's
 *   failures get class-validator's sentences too (or the message the schema's
 *   author wrote); another library's are `<path> is invalid`, because its
 *   messages may repeat the value sent, unless `schemaMessageVendors` lists it.
 * - Any other parameter typed with a class is validated by Nest's
 *   `ValidationPipe` (class-validator and class-transformer), unless
 *   `classValidator: false`.
 *
 * Transformation is on by default, so handlers receive DTO instances (or the
 * schema's output), and query and path parameters are converted like bodies.
 * A value nested more than 64 levels deep is refused before any validator
 * walks it.
 *
 * @example
 * app.useGlobalPipes(new ApiValidationPipe({ whitelist: true, forbidNonWhitelisted: true }));
 *
 * @publicApi
 */
@Injectable()
export class ApiValidationPipe implements PipeTransform<unknown, Promise<unknown>> {
  private readonly allErrors: boolean;
  private readonly returnsSchemaOutput: boolean;
  private readonly validateCustomDecorators: boolean;
  private readonly messageVendors: ReadonlySet<string>;
  /** Nest's pipe for DTO classes; absent with `classValidator: false`. */
  private readonly classes: ClassValidationPipe | undefined;

  constructor(@Optional() options: ApiValidationPipeOptions = {}) {
    const {
      allErrors = false,
      classValidator = true,
      schemaMessageVendors,
      ...validationOptions
    } = options ?? {};
    const settings = { transform: true, ...validationOptions };
    this.allErrors = allErrors;
    this.messageVendors = messageVendorsOf(schemaMessageVendors, 'ApiValidationPipe');
    this.returnsSchemaOutput = settings.transform;
    this.validateCustomDecorators = settings.validateCustomDecorators ?? false;
    this.classes = classValidator
      ? new ClassValidationPipe(settings, loadClassValidatorPackages(settings))
      : undefined;
    keepPipeSettings(this, options ?? {});
  }

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      // Nest 12 puts a parameter's schema here; Nest 11 never does.
      const schema = (metadata as { readonly schema?: unknown }).schema;
      if (isStandardSchema(schema)) return await this.validateWithSchema(value, metadata, schema);
      return this.classes === undefined ? value : await this.classes.transform(value, metadata);
    } catch (failure) {
      // The failure only now meets where the value came from (body, query or path).
      if (failure instanceof ValidationFailure) {
        throw invalidParameters(failure, metadata.type, this.allErrors);
      }
      if (failure instanceof NestingTooDeep) throw nestedTooDeeply(metadata);
      throw failure;
    }
  }

  private async validateWithSchema(
    value: unknown,
    metadata: ArgumentMetadata,
    schema: StandardSchema,
  ): Promise<unknown> {
    if (metadata.type === 'custom' && !this.validateCustomDecorators) return value;
    if (!stripProtoKeysWithinDepth(value)) throw nestedTooDeeply(metadata);
    const result = await schema['~standard'].validate(value);
    if (!result.issues) return this.returnsSchemaOutput ? result.value : value;
    const violations = collectIssueViolations(
      result.issues,
      {
        value,
        hasValue: true,
        name: metadata.data,
        wholeName: metadata.type === 'custom' ? 'value' : metadata.type,
      },
      issueReadingOf(schema['~standard'].vendor, this.messageVendors),
    );
    throw invalidParameters(new ValidationFailure(violations), metadata.type, this.allErrors);
  }
}
