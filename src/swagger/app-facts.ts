import type { INestApplicationContext } from '@nestjs/common';
import { ApplicationConfig } from '@nestjs/core';
import { type AppFacts, isAuthGuard, isVersionGuard, validationPipesOf } from './route-facts.js';

/**
 * The global guards and pipes of an app, as Nest applies them: those bound
 * with `APP_GUARD` / `APP_PIPE` (as `ErrorsModule` does) and those added with
 * `useGlobalGuards()` / `useGlobalPipes()`.
 */
export function appFactsOf(app: INestApplicationContext): AppFacts {
  const config = app.get(ApplicationConfig);
  const guards: unknown[] = [
    ...config.getGlobalGuards(),
    ...config.getGlobalRequestGuards().map((wrapper) => wrapper.metatype),
  ];
  const pipes: unknown[] = [
    ...config.getGlobalPipes(),
    ...config.getGlobalRequestPipes().map((wrapper) => wrapper.metatype),
  ];
  return {
    globalAuthGuard: guards.some(isAuthGuard),
    globalVersionGuard: guards.some(isVersionGuard),
    globalValidationPipes: validationPipesOf(pipes),
  };
}
