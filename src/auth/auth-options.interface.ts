/**
 * The bearer token as the client presented it, with the `2f.` prefix taken off.
 *
 * @publicApi
 */
export interface PresentedToken {
  /** The token without the `2f.` prefix; never empty. */
  readonly value: string;
  /** Whether the token carried the `2f.` prefix, i.e. claims a completed two-factor login. */
  readonly twoFactor: boolean;
}

/**
 * What the application knows of a token's session. The guard compares it
 * with the token; the application only has to look it up.
 *
 * @publicApi
 */
export interface AuthSession<TUser = unknown> {
  /** The authenticated user, handed to `@CurrentUser()`. */
  readonly user: TUser;
  /** Whether this user has two-factor authentication turned on. */
  readonly twoFactorEnabled: boolean;
  /** The account is blocked. @default false */
  readonly blocked?: boolean;
  /** The session is known but expired (the same as returning `null`). @default false */
  readonly expired?: boolean;
}

/**
 * Looks up the session of a token: the session, or `null` when the token is
 * unknown or expired. It may be async; what it throws answers 500.
 *
 * @publicApi
 */
export type SessionResolver<TUser = unknown> = (
  token: PresentedToken,
  request: unknown,
) => AuthSession<TUser> | null | Promise<AuthSession<TUser> | null>;

/**
 * Options of {@link TwoFactorAuthGuard}, given as `ErrorsModule.forRoot({ auth })`.
 *
 * @publicApi
 */
export interface AuthOptions<TUser = unknown> {
  /** Looks up the session of a token. Required. */
  resolveSession: SessionResolver<TUser>;
  /**
   * The team named in the blocked-account sentence:
   * `Your Account has been blocked, Please contact <team> Team`.
   * @default 'Support'
   */
  supportTeam?: string;
  /**
   * How long `resolveSession` may take, in milliseconds, before the request is
   * answered 503 (the session store is slow, not the client wrong).
   * @default 5000
   */
  resolveTimeoutMs?: number;
}
