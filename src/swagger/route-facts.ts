import { TwoFactorAuthGuard } from '../auth/two-factor-auth.guard.js';
import { IS_PUBLIC, IS_PUBLIC_KEY } from '../auth/public.decorator.js';
import { ApiValidationPipe } from '../validation/api-validation.pipe.js';
import {
  isStandardSchema,
  type StandardSchema,
} from '../validation/standard-schema/standard-schema.types.js';
import {
  DEFAULT_PIPE_SETTINGS,
  pipeSettingsOf,
  type ValidationPipeSettings,
} from '../validation/validation-pipe-settings.js';
import { ClientVersionGuard } from '../version/client-version.guard.js';
import { type DocumentedEntry, documentedEntriesOf } from './api-errors.decorator.js';
import { readMetadata } from './metadata.util.js';

/** Where a validated DTO comes from, as the validation pipe names it. */
export type InputLocation = 'body' | 'query' | 'param';

/** A handler parameter a validation pipe checks: against its DTO class's rules, or its schema. */
export type ValidatedInput = DtoInput | SchemaInput;

/** A parameter whose class class-validator checks. */
export interface DtoInput {
  readonly kind: 'dto';
  readonly location: InputLocation;
  /** The DTO class. */
  readonly type: abstract new (...args: never[]) => unknown;
  /** The pipe that checks it: the first that validates DTO classes. */
  readonly pipe: ValidationPipeSettings;
}

/** A parameter with a Standard Schema (`@Body({ schema })`, Nest 12). */
export interface SchemaInput {
  readonly kind: 'schema';
  readonly location: InputLocation;
  readonly schema: StandardSchema;
  /** The parameter's own name, as in `@Body('address', { schema })`. */
  readonly name: string | undefined;
  /** The pipe that checks it: the first validation pipe. */
  readonly pipe: ValidationPipeSettings;
}

/** What the app applies to every route, found once. */
export interface AppFacts {
  /** `TwoFactorAuthGuard` is a global guard (`globalAuthGuard`, or `useGlobalGuards`). */
  readonly globalAuthGuard: boolean;
  /** `ClientVersionGuard` is a global guard. */
  readonly globalVersionGuard: boolean;
  /**
   * The global `ApiValidationPipe`s, in the order Nest runs them (the
   * module's, unless `validation: false`, and those of `useGlobalPipes`).
   */
  readonly globalValidationPipes: readonly ValidationPipeSettings[];
}

/** The errors-relevant facts of one route handler. */
export interface RouteFacts {
  /** What `@ApiErrors()` recorded, controller first. */
  readonly documented: readonly DocumentedEntry[];
  /** `TwoFactorAuthGuard` runs, and the route is not `@Public()`. */
  readonly authGuarded: boolean;
  /** `ClientVersionGuard` runs. */
  readonly versionGuarded: boolean;
  /** The body, query and path DTOs and schemas `ApiValidationPipe` checks, in parameter order. */
  readonly validatedInputs: readonly ValidatedInput[];
  /** The handler reads the body, so a body that is not JSON is answered before it runs. */
  readonly takesBody: boolean;
}

// Nest's metadata keys and parameter types (`@nestjs/common/constants`,
// `RouteParamtypes`): stable across Nest 10 to 12, written here so no internal
// file of Nest is imported.
const GUARDS_METADATA = '__guards__';
const PIPES_METADATA = '__pipes__';
const ROUTE_ARGS_METADATA = '__routeArguments__';
const PARAM_TYPES: Readonly<Record<string, InputLocation>> = { 3: 'body', 4: 'query', 5: 'param' };

/** Types the validation pipe lets through unchecked (Nest's `ValidationPipe.toValidate`). */
const UNVALIDATED_TYPES: readonly unknown[] = [
  String,
  Boolean,
  Number,
  Array,
  Object,
  Buffer,
  Date,
];

interface RouteArgument {
  readonly index: number;
  readonly data?: unknown;
  readonly pipes?: readonly unknown[];
  /** Nest 12's `@Body({ schema })`. */
  readonly schema?: unknown;
}

type Constructor = abstract new (...args: never[]) => unknown;

/**
 * The facts of a handler, read from the metadata Nest's and this library's
 * decorators wrote: guards on the route, its controller or the app; `@Public()`
 * as `TwoFactorAuthGuard` reads it (handler first); the parameters each
 * `ApiValidationPipe` checks, with that pipe's options. A parameter runs
 * through the global pipes, then the controller's and the handler's, then
 * its own, so the first of them that validates it is the one that answers.
 * `hasRules(type, options)` tells a DTO with validation rules from a class without.
 */
export function routeFactsOf(
  controller: Constructor,
  methodKey: string,
  app: AppFacts,
  hasRules: (type: Constructor, options: ValidationPipeSettings['options']) => boolean,
): RouteFacts {
  const handler = (controller.prototype as Record<string, unknown>)[methodKey] as object;
  const guards = [
    ...(readMetadata<readonly unknown[]>(GUARDS_METADATA, controller) ?? []),
    ...(readMetadata<readonly unknown[]>(GUARDS_METADATA, handler) ?? []),
  ];
  // The guard's own rule: either key, handler first.
  const isPublic = [IS_PUBLIC, IS_PUBLIC_KEY].some(
    (key) =>
      (readMetadata<boolean>(key, handler) ?? readMetadata<boolean>(key, controller)) === true,
  );
  const routePipes = [
    ...app.globalValidationPipes,
    ...validationPipesOf(readMetadata<readonly unknown[]>(PIPES_METADATA, controller)),
    ...validationPipesOf(readMetadata<readonly unknown[]>(PIPES_METADATA, handler)),
  ];

  const argumentsByKey =
    readMetadata<Readonly<Record<string, RouteArgument>>>(
      ROUTE_ARGS_METADATA,
      controller,
      methodKey,
    ) ?? {};
  const parameterTypes =
    readMetadata<readonly unknown[]>(
      'design:paramtypes',
      controller.prototype as object,
      methodKey,
    ) ?? [];
  const validatedInputs: ValidatedInput[] = [];
  let takesBody = false;
  const inParameterOrder = Object.entries(argumentsByKey).sort(([, a], [, b]) => a.index - b.index);
  for (const [key, argument] of inParameterOrder) {
    const location = PARAM_TYPES[key.split(':')[0]];
    if (location === undefined) continue;
    if (location === 'body') takesBody = true;
    const pipes = [...routePipes, ...validationPipesOf(argument.pipes)];
    const type = parameterTypes[argument.index];
    // The pipe validates a parameter by its schema when it has one, else by its class.
    if (isStandardSchema(argument.schema)) {
      if (pipes.length > 0) {
        const name = typeof argument.data === 'string' ? argument.data : undefined;
        validatedInputs.push({
          kind: 'schema',
          location,
          schema: argument.schema,
          name,
          pipe: pipes[0],
        });
      }
      continue;
    }
    const pipe = pipes.find((candidate) => candidate.classValidator);
    if (pipe !== undefined && isDtoClass(type) && hasRules(type, pipe.options)) {
      validatedInputs.push({ kind: 'dto', location, type, pipe });
    }
  }

  return {
    documented: documentedEntriesOf(controller, handler),
    authGuarded: !isPublic && (app.globalAuthGuard || guards.some(isAuthGuard)),
    versionGuarded: app.globalVersionGuard || guards.some(isVersionGuard),
    validatedInputs,
    takesBody,
  };
}

/** A guard or pipe given as its class, a subclass, or an instance. */
function isKind(value: unknown, kind: Constructor): boolean {
  if (typeof value === 'function') {
    return value === kind || (value as { prototype?: unknown }).prototype instanceof kind;
  }
  return value instanceof kind;
}

export const isAuthGuard = (guard: unknown): boolean => isKind(guard, TwoFactorAuthGuard);
export const isVersionGuard = (guard: unknown): boolean => isKind(guard, ClientVersionGuard);
export const isValidationPipe = (pipe: unknown): boolean => isKind(pipe, ApiValidationPipe);

/**
 * The settings of each `ApiValidationPipe` among `pipes`: an instance's own,
 * or, for a class Nest builds, those of a pipe built without options.
 */
export function validationPipesOf(pipes: readonly unknown[] | undefined): ValidationPipeSettings[] {
  const found: ValidationPipeSettings[] = [];
  for (const pipe of pipes ?? []) {
    if (!isValidationPipe(pipe)) continue;
    const own = typeof pipe === 'object' && pipe !== null ? pipeSettingsOf(pipe) : undefined;
    found.push(own ?? DEFAULT_PIPE_SETTINGS);
  }
  return found;
}

function isDtoClass(type: unknown): type is Constructor {
  return typeof type === 'function' && !UNVALIDATED_TYPES.includes(type);
}
