import { Injectable, Module } from '@nestjs/common';
import type { AuthSession, PresentedToken } from 'nestjs-api-errors';

export interface ShopUser {
  readonly email: string;
}

/**
 * The app's session store, injected into the errors module's options by
 * `forRootAsync`. Alice has two-factor off; a `2f.` token of hers is refused.
 */
@Injectable()
export class Sessions {
  private readonly byToken = new Map<string, AuthSession<ShopUser>>([
    ['alice-token', { user: { email: 'alice@example.com' }, twoFactorEnabled: false }],
  ]);

  resolve(token: PresentedToken): AuthSession<ShopUser> | null {
    return this.byToken.get(token.value) ?? null;
  }
}

@Module({ providers: [Sessions], exports: [Sessions] })
export class SessionsModule {}
