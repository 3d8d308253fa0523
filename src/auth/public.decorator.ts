import { SetMetadata } from '@nestjs/common';

/** @internal Metadata key set by `@Public()`. */
export const IS_PUBLIC = 'nestjs-api-errors:public';

/**
 * The key of the `@Public()` decorator the NestJS documentation shows
 * (`SetMetadata('isPublic', true)`); `TwoFactorAuthGuard` honours it too, so
 * an app's existing decorator keeps working.
 */
export const IS_PUBLIC_KEY = 'isPublic';

/**
 * Lets a route, or every route of a controller, through
 * `TwoFactorAuthGuard` without a token: put `@Public()` above the handler
 * (`@Post('auth/login')`) or above the controller class.
 *
 * @publicApi
 */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
