import { AUTH_CHECKS } from './auth.js';
import { ERROR_CHECKS } from './errors.js';
import { REQUEST_BODY_CHECKS } from './request-bodies.js';
import type { SmokeCheck } from './smoke-check.js';
import { START_UP_CHECKS } from './start-up.js';
import { SWAGGER_CHECKS } from './swagger.js';
import { TESTING_MODULE_CHECKS } from './testing-module.js';
import { VALIDATION_CHECKS } from './validation.js';

/** Every smoke check, in the order they run in each app. */
export const SMOKE_CHECKS: readonly SmokeCheck[] = [
  ...ERROR_CHECKS,
  ...VALIDATION_CHECKS,
  ...AUTH_CHECKS,
  ...REQUEST_BODY_CHECKS,
  ...SWAGGER_CHECKS,
  ...START_UP_CHECKS,
  ...TESTING_MODULE_CHECKS,
];
