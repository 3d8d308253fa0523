import type { ValidationPipeOptions } from '@nestjs/common';
import { createRequire } from 'node:module';

/** class-validator and class-transformer, as Nest's `ValidationPipe` takes them. */
export interface ClassValidatorPackages {
  readonly validatorPackage: NonNullable<ValidationPipeOptions['validatorPackage']>;
  readonly transformerPackage: NonNullable<ValidationPipeOptions['transformerPackage']>;
}

const PACKAGES = ['class-validator', 'class-transformer'] as const;

/**
 * Loads class-validator and class-transformer, which are optional peers: an
 * app that validates with Standard Schemas only, or not at all, need not
 * install them. Loaded when the pipe is built (unless the options hand them
 * in), from the app's own node_modules, so a missing one fails the start-up with an Error that says
 * what to do (Nest's own loader would log and exit the process instead).
 */
export function loadClassValidatorPackages(
  given: Partial<ClassValidatorPackages> = {},
): ClassValidatorPackages {
  const require = createRequire(import.meta.url);
  const missing: string[] = [];
  const [validatorPackage, transformerPackage] = PACKAGES.map((name, i) => {
    const passed = i === 0 ? given.validatorPackage : given.transformerPackage;
    if (passed !== undefined) return passed;
    try {
      return require(name) as unknown;
    } catch (error) {
      if (!isNotFound(error, name)) throw error;
      missing.push(name);
      return undefined;
    }
  });
  if (missing.length > 0) throw new Error(missingPackagesMessage(missing));
  return {
    validatorPackage: validatorPackage as ClassValidatorPackages['validatorPackage'],
    transformerPackage: transformerPackage as ClassValidatorPackages['transformerPackage'],
  };
}

function missingPackagesMessage(missing: readonly string[]): string {
  const names = missing.join(' and ');
  return (
    `ApiValidationPipe validates DTO classes with class-validator and class-transformer, ` +
    `but ${names} ${missing.length === 1 ? 'is' : 'are'} not installed. ` +
    `Install ${missing.length === 1 ? 'it' : 'them'} (npm install ${missing.join(' ')}), ` +
    `or pass validation: { classValidator: false } to validate Standard Schemas only, ` +
    `or validation: false to register no validation pipe.`
  );
}

/** The package itself is missing, not something it requires. */
function isNotFound(error: unknown, name: string): boolean {
  return (
    error instanceof Error &&
    (error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' &&
    error.message.startsWith(`Cannot find module '${name}'`)
  );
}
