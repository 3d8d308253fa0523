import { SetMetadata } from '@nestjs/common';

/** @internal Metadata key set by `@Public()`. */
export const IS_PUBLIC = 'nestjs-api-errors:public';

/**
 * Lets a route, or every route of a controller, through
 * {@link TwoFactorAuthGuard} without a token.
 *
 * @example
 * ＠Public()
 * ＠Post('auth/login')
 * login(＠Body() credentials: LoginDto) {}
 *
 * @publicApi
 */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
