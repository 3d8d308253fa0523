import { BadRequestException, type INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ERRORS_MODULE_OPTIONS } from '../errors.constants.js';
import type { ErrorsModuleOptions } from '../interfaces/errors-module-options.interface.js';
import { AppError } from '../exceptions/app.error.js';
import { appFactsOf } from './app-facts.js';
import type { DocumentErrorsOptions } from './document-errors-options.interface.js';
import type { DocumentedError } from './documented-error.interface.js';
import { valueAt, withCodes } from './error-schema.js';
import { createExampleRenderer, type ExampleRenderer } from './example-renderer.js';
import { schemaOfFormat, type SchemaDialect } from './format-schemas.js';
import { authGuardErrors, versionGuardErrors } from './guard-errors.js';
import { indexOperations, operationKey } from './operation-index.js';
import { addErrorExamples, type ErrorExample, type OperationObject } from './response-writer.js';
import { type RouteFacts, routeFactsOf, type ValidatedInput } from './route-facts.js';
import { schemaFailure } from './schema-failure.js';
import { firstRuleFailure, hasValidationRules } from './validation-failure.js';

/** The request id shown in examples of formats that carry one. */
const EXAMPLE_REQUEST_ID = '4b1d5e8a-0c7f-4e2a-9b36-8f1c2d3e4a5b';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** A body the JSON parser refuses, as Express and Fastify report it to Nest. */
const BODY_NOT_JSON: DocumentedError = {
  exception: new BadRequestException('Unexpected token', {
    cause: Object.assign(new SyntaxError('Unexpected token'), { type: 'entity.parse.failed' }),
  }),
  variant: { name: 'body_not_json', label: 'a body that is not JSON' },
};

/** What is thrown when anything unexpected fails: answered as a bare 500. */
const UNEXPECTED: DocumentedError = { exception: new Error('unexpected') };

/**
 * Documents every error of the app's routes in an OpenAPI document built by
 * `SwaggerModule.createDocument`, in the format the app answers errors in and
 * rendered by that format itself, so the document shows what the wire does:
 *
 * - what `@ApiErrors()` lists on a route or its controller;
 * - the validation failure of each body, query or path DTO `ApiValidationPipe`
 *   checks (its first rule) with that pipe's options, of each parameter with
 *   a Standard Schema (the schema's answer to a value it refuses), and a body
 *   that is not JSON;
 * - each refusal of `TwoFactorAuthGuard` (unless `@Public()`) and of
 *   `ClientVersionGuard`, where they run;
 * - the bare 500 any route answers when something unexpected fails.
 *
 * Each format has one reusable schema (`MetaError`, `ErrorEnvelope`,
 * `FlatError`, `ErrorCodeError`, `ProblemDetails`) listing the codes in use;
 * each response narrows it to its own codes and names one example per error.
 * The document is changed in place and returned.
 *
 * @example
 * const document = documentErrors(app, SwaggerModule.createDocument(app, config));
 * SwaggerModule.setup('docs', app, document);
 *
 * @publicApi
 */
export function documentErrors(
  app: INestApplication,
  document: OpenAPIObject,
  options: DocumentErrorsOptions = {},
): OpenAPIObject {
  const errorsOptions = options.errorsOptions ?? moduleOptionsOf(app) ?? {};
  const renderer = createExampleRenderer(errorsOptions);
  const format = schemaOfFormat(renderer.format, dialectOf(document));
  const index = indexOperations(app, document, options.documentOptions);
  const appFacts = appFactsOf(app);
  const shared = {
    auth: errorsOptions.auth === undefined ? [] : authGuardErrors(errorsOptions.auth),
    version:
      errorsOptions.clientVersion === undefined
        ? []
        : versionGuardErrors(errorsOptions.clientVersion),
  };
  // Worked out once per DTO or schema, pipe and place, however many routes share it.
  const failures = new Map<object, Map<object, Map<string, DocumentedError | undefined>>>();
  const requestIdHeader =
    errorsOptions.requestIdHeader === false
      ? undefined
      : (errorsOptions.requestIdHeader ?? 'X-Request-Id');
  const taken = schemasOf(document)[format.name] as Record<string, unknown> | undefined;
  if (taken !== undefined && taken['x-error-format'] === undefined) {
    throw new TypeError(
      `documentErrors: the document already has a schema named "${format.name}"; ` +
        `give the error format's schema another name (ErrorFormat.openApi.name)`,
    );
  }
  const schemaRef = `#/components/schemas/${format.name}`;
  const codes = new Map<number | string, Set<string>>();
  let documented = 0;

  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = (item as Record<string, unknown>)[method] as OperationObject | undefined;
      const handler = index.get(operationKey(method, path));
      if (operation === undefined || handler === undefined) continue;
      const facts = routeFactsOf(
        handler.controller,
        handler.methodKey,
        appFacts,
        hasValidationRules,
      );
      const errors = errorsOf(facts, shared, (input) => {
        const validated = input.kind === 'dto' ? input.type : input.schema;
        const byPipe = failures.get(validated) ?? new Map<object, Map<string, DocumentedError>>();
        failures.set(validated, byPipe);
        const byPlace = byPipe.get(input.pipe) ?? new Map<string, DocumentedError | undefined>();
        byPipe.set(input.pipe, byPlace);
        const place = input.kind === 'dto' ? input.location : `${input.location}:${input.name}`;
        if (!byPlace.has(place)) byPlace.set(place, validationFailureOf(input));
        return byPlace.get(place);
      });
      const context = {
        method: method.toUpperCase(),
        url: path,
        requestId: requestIdHeader === undefined ? undefined : EXAMPLE_REQUEST_ID,
      };
      const examples = errors.map((error) => exampleOf(renderer, error, context));
      addErrorExamples(operation, examples, {
        schemaRef,
        codePath: format.codePath,
        requestIdHeader,
      });
      if (format.codePath !== undefined) collectCodes(codes, examples, format.codePath);
      documented++;
    }
  }

  if (documented > 0) {
    const schema = { ...format.schema, 'x-error-format': renderer.format.name };
    schemasOf(document)[format.name] =
      format.codePath === undefined ? schema : withCodes(schema, format.codePath, codes);
  }
  return document;
}

/** The errors of one route, in the order a request meets them; its own come first. */
function errorsOf(
  facts: RouteFacts,
  shared: { auth: readonly DocumentedError[]; version: readonly DocumentedError[] },
  validationFailure: (input: ValidatedInput) => DocumentedError | undefined,
): DocumentedError[] {
  const errors: DocumentedError[] = facts.documented.map(
    ({ definition, description, retryAfter }) => ({
      exception: new AppError(definition, description, { retryAfter }),
      variant: typeof description === 'string' ? { label: description } : undefined,
    }),
  );
  if (facts.versionGuarded) errors.push(...shared.version);
  if (facts.authGuarded) errors.push(...shared.auth);
  if (facts.takesBody) errors.push(BODY_NOT_JSON);
  for (const input of facts.validatedInputs) {
    const failure = validationFailure(input);
    if (failure !== undefined) errors.push(failure);
  }
  errors.push(UNEXPECTED);
  return errors;
}

function validationFailureOf(input: ValidatedInput): DocumentedError | undefined {
  return input.kind === 'dto' ? firstRuleFailure(input, input.pipe.options) : schemaFailure(input);
}

function exampleOf(
  renderer: ExampleRenderer,
  error: DocumentedError,
  context: { method: string; url: string; requestId?: string },
): ErrorExample {
  let rendered;
  try {
    rendered = renderer.render(error.exception, context);
  } catch (failure) {
    throw new TypeError(
      `documentErrors: the "${renderer.format.name}" format could not render an example for ${context.method} ${context.url}`,
      { cause: failure },
    );
  }
  const { definition } = rendered.report;
  const variant = error.variant;
  const nameParts = [String(definition.code), definition.title];
  if (variant?.name !== undefined) nameParts.push(variant.name);
  return {
    name: slug(nameParts.join(' ')),
    summary: `${definition.title} (${String(definition.code)})${variant === undefined ? '' : `: ${variant.label}`}`,
    title: definition.title,
    status: rendered.status,
    mediaType: rendered.mediaType,
    // What the client parses: members the JSON leaves out are left out here too.
    value: JSON.parse(JSON.stringify(rendered.body)) as unknown,
    retryAfter: rendered.retryAfter,
  };
}

function collectCodes(
  codes: Map<number | string, Set<string>>,
  examples: readonly ErrorExample[],
  codePath: readonly string[],
): void {
  for (const example of examples) {
    const code = valueAt(example.value, codePath);
    if (typeof code !== 'number' && typeof code !== 'string') continue;
    (codes.get(code) ?? codes.set(code, new Set()).get(code)!).add(example.title);
  }
}

function schemasOf(document: OpenAPIObject): Record<string, unknown> {
  return ((document.components ??= {}).schemas ??= {});
}

/** The options of the app's `ErrorsModule`, if it has one. */
function moduleOptionsOf(app: INestApplication): ErrorsModuleOptions | undefined {
  try {
    return app.get<string, ErrorsModuleOptions>(ERRORS_MODULE_OPTIONS, { strict: false });
  } catch {
    return undefined;
  }
}

function dialectOf(document: OpenAPIObject): SchemaDialect {
  return document.openapi?.startsWith('3.0') === false ? '3.1' : '3.0';
}

function slug(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}
