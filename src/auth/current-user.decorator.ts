import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/**
 * The user {@link TwoFactorAuthGuard} authenticated (`request.user`), or
 * `undefined` on a public route; as a handler parameter:
 * `me(@CurrentUser() user: User) { return user; }`.
 *
 * @publicApi
 */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): unknown =>
    context.switchToHttp().getRequest<{ user?: unknown }>().user,
);
