import { TwoFactorAuthGuard } from '../auth/two-factor-auth.guard.js';
import { IS_PUBLIC, IS_PUBLIC_KEY } from '../auth/public.decorator.js';
import { ApiValidationPipe } from '../validation/api-validation.pipe.js';
import { ClientVersionGuard } from '../version/client-version.guard.js';
import { type DocumentedEntry, documentedEntriesOf } from './api-errors.decorator.js';
import { readMetadata } from './metadata.util.js';

/** Where a validated DTO comes from, as the validation pipe names it. */
export type InputLocation = 'body' | 'query' | 'param';

/** A handler parameter the validation pipe checks against its class's rules. */
export interface ValidatedInput {
  readonly location: InputLocation;
  /** The DTO class. */
  readonly type: abstract new (...args: never[]) => unknown;
}

/** What the app applies to every route, found once. */
export interface AppFacts {
  /** `TwoFactorAuthGuard` is a global guard (`globalAuthGuard`, or `useGlobalGuards`). */
  readonly globalAuthGuard: boolean;
  /** `ClientVersionGuard` is a global guard. */
  readonly globalVersionGuard: boolean;
  /** An `ApiValidationPipe` is a global pipe (the module's, unless `validation: false`). */
  readonly globalValidation: boolean;
}

/** The errors-relevant facts of one route handler. */
export interface RouteFacts {
  /** What `@ApiErrors()` recorded, controller first. */
  readonly documented: readonly DocumentedEntry[];
  /** `TwoFactorAuthGuard` runs, and the route is not `@Public()`. */
  readonly authGuarded: boolean;
  /** `ClientVersionGuard` runs. */
  readonly versionGuarded: boolean;
  /** The body, query and path DTOs `ApiValidationPipe` checks, in parameter order. */
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
  readonly pipes?: readonly unknown[];
}

type Constructor = abstract new (...args: never[]) => unknown;

/**
 * The facts of a handler, read from the metadata Nest's and this library's
 * decorators wrote: guards on the route, its controller or the app; `@Public()`
 * as `TwoFactorAuthGuard` reads it (handler first); the DTO parameters.
 * `hasRules(type)` tells a DTO with validation rules from a class without.
 */
export function routeFactsOf(
  controller: Constructor,
  methodKey: string,
  app: AppFacts,
  hasRules: (type: Constructor) => boolean,
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
    ...(readMetadata<readonly unknown[]>(PIPES_METADATA, controller) ?? []),
    ...(readMetadata<readonly unknown[]>(PIPES_METADATA, handler) ?? []),
  ];
  const routeValidates = app.globalValidation || routePipes.some(isValidationPipe);

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
    const type = parameterTypes[argument.index];
    const validated = routeValidates || (argument.pipes ?? []).some(isValidationPipe);
    if (validated && isDtoClass(type) && hasRules(type)) validatedInputs.push({ location, type });
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

function isDtoClass(type: unknown): type is Constructor {
  return typeof type === 'function' && !UNVALIDATED_TYPES.includes(type);
}
