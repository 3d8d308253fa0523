import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { type OpenAPIObject, type SwaggerDocumentOptions, SwaggerModule } from '@nestjs/swagger';

type Constructor = abstract new (...args: never[]) => unknown;

/** The handler behind a documented operation. */
export interface HandlerRef {
  readonly controller: Constructor;
  readonly methodKey: string;
}

/** `get /auth/login` -> handler, or `undefined` when it cannot be told. */
export type OperationIndex = ReadonlyMap<string, HandlerRef | undefined>;

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** The key of an operation in an {@link OperationIndex}. */
export const operationKey = (method: string, path: string): string =>
  `${method.toLowerCase()} ${path}`;

/**
 * Finds the handler behind each operation by asking `@nestjs/swagger` itself:
 * a second document is built with operation ids that name the controller and
 * the method, so paths come out exactly as in the app's document (global
 * prefix, versions, router modules, aliases) without redoing that work here.
 * Only the ids differ; `documentOptions` must be those the app's document was
 * built with.
 */
export function indexOperations(
  app: INestApplication,
  document: OpenAPIObject,
  documentOptions: SwaggerDocumentOptions = {},
): OperationIndex {
  const tagged = SwaggerModule.createDocument(
    app,
    { openapi: document.openapi, info: { title: '', version: '' } },
    {
      ...documentOptions,
      operationIdFactory: (controllerKey, methodKey) => JSON.stringify([controllerKey, methodKey]),
    },
  );
  const controllers = controllersByName(app);
  const index = new Map<string, HandlerRef | undefined>();
  for (const [path, item] of Object.entries(tagged.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const id = (operation as { operationId?: unknown }).operationId;
      const names = typeof id === 'string' ? namesOf(id) : undefined;
      if (names === undefined) continue;
      const [controllerName, methodKey] = names;
      const candidates = (controllers.get(controllerName) ?? []).filter(
        (controller) =>
          typeof (controller.prototype as Record<string, unknown>)[methodKey] === 'function',
      );
      // Two controllers of one name with the same method: nothing tells them apart.
      index.set(
        operationKey(method, path),
        candidates.length === 1 ? { controller: candidates[0], methodKey } : undefined,
      );
    }
  }
  return index;
}

/**
 * `["AuthController","login"]`, possibly followed by `_get` (a route for every
 * method) and with `[1]` after the method (the second path of an alias).
 */
function namesOf(operationId: string): [string, string] | undefined {
  const end = operationId.lastIndexOf(']');
  try {
    const parsed: unknown = JSON.parse(operationId.slice(0, end + 1));
    if (!Array.isArray(parsed) || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string') {
      return undefined;
    }
    return [parsed[0], parsed[1].replace(/\[\d+\]$/, '')];
  } catch {
    return undefined;
  }
}

function controllersByName(app: INestApplication): Map<string, Constructor[]> {
  const byName = new Map<string, Constructor[]>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Constructor | null | undefined;
      if (typeof controller !== 'function') continue;
      const same = byName.get(controller.name) ?? [];
      if (!same.includes(controller)) same.push(controller);
      byName.set(controller.name, same);
    }
  }
  return byName;
}
