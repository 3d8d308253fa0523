/**
 * The scratch apps of the compatibility matrix. Each is a directory under
 * `apps/` holding what a real app would check in: `package.json` with exact
 * versions, its lockfile and its `tsconfig.json`. The test copies it to a
 * temporary folder, installs it from the registry with the packed library
 * (once per run), adds the sources below from `app-src/` and compiles them
 * with the app's own `tsc`.
 *
 * Adding an app: a directory under `apps/` and an entry here. Changing a
 * version: edit the app's `package.json`, then run
 * `bash test/matrix/update-lockfiles.sh`. `MATRIX_APPS=nest12-esm-fastify,…`
 * limits a run to some apps while working on them.
 */
export interface ScratchApp {
  /** Its directory under `apps/`. */
  readonly name: string;
  readonly nest: 11 | 12;
  /** How its TypeScript compiles: `"module": "commonjs"`, or ESM (`nodenext` with `"type": "module"`). */
  readonly moduleSystem: 'commonjs' | 'esm';
  readonly adapter: 'express' | 'fastify';
  /** Whether class-validator and class-transformer are installed. */
  readonly validation: boolean;
  /**
   * Whether the app serves its OpenAPI document, made with `documentErrors`
   * from `nestjs-api-errors/swagger` (`@nestjs/swagger` installed, and
   * `@fastify/static` on Fastify for Swagger UI).
   */
  readonly swagger: boolean;
  /** Sources copied from `app-src/`; the first is the entry, copied as `main.ts`. */
  readonly sources: readonly string[];
  /** More entries compiled with the app and started by some checks, e.g. `testing-module.ts`. */
  readonly extraEntries?: readonly string[];
  /** More tsconfig files of the app its sources must also type-check with. */
  readonly typeChecks?: readonly string[];
}

/** What every app serves. */
const SHOP = ['sessions.ts', 'shop.controller.ts', 'listen.ts'];
/** The full app: options from an injected service, a validated DTO, and its OpenAPI document. */
const FULL = [
  ...SHOP,
  'errors.config.ts',
  'order.dto.ts',
  'orders.controller.ts',
  'app.module.ts',
  'api-docs.ts',
];

export const SCRATCH_APPS: readonly ScratchApp[] = [
  {
    name: 'nest11-cjs-express',
    nest: 11,
    moduleSystem: 'commonjs',
    adapter: 'express',
    validation: true,
    swagger: true,
    sources: ['main-express.ts', ...FULL],
    extraEntries: ['testing-module.ts'],
    // The starter of later Nest 11 CLIs: `nodenext` without `"type": "module"`, so still CommonJS.
    typeChecks: ['tsconfig.nodenext.json'],
  },
  {
    name: 'nest11-cjs-fastify',
    nest: 11,
    moduleSystem: 'commonjs',
    adapter: 'fastify',
    validation: true,
    swagger: true,
    sources: ['main-fastify.ts', ...FULL],
  },
  {
    name: 'nest12-esm-express',
    nest: 12,
    moduleSystem: 'esm',
    adapter: 'express',
    validation: true,
    swagger: true,
    sources: ['main-express.ts', ...FULL],
  },
  {
    name: 'nest12-esm-fastify',
    nest: 12,
    moduleSystem: 'esm',
    adapter: 'fastify',
    validation: true,
    swagger: true,
    sources: ['main-fastify.ts', ...FULL],
  },
  {
    name: 'nest11-cjs-express-without-validation',
    nest: 11,
    moduleSystem: 'commonjs',
    adapter: 'express',
    validation: false,
    // `@nestjs/swagger` is installed, but `nestjs-api-errors/swagger` imports
    // class-validator and class-transformer when it loads: the package tests
    // check that only that entry fails to load here, naming the missing one.
    swagger: false,
    sources: ['main-without-validation.ts', ...SHOP, 'app-without-validation.module.ts'],
  },
];

/** The apps this run installs and checks: all, or those `MATRIX_APPS` names. */
export function selectedApps(): readonly ScratchApp[] {
  const names = process.env.MATRIX_APPS?.split(',').map((name) => name.trim());
  if (names === undefined || names.join('') === '') return SCRATCH_APPS;
  const unknown = names.filter((name) => !SCRATCH_APPS.some((app) => app.name === name));
  if (unknown.length > 0) throw new Error(`MATRIX_APPS names no app: ${unknown.join(', ')}`);
  return SCRATCH_APPS.filter((app) => names.includes(app.name));
}
