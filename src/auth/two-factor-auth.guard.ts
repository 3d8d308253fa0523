import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  Optional,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { definitionForStatus } from '../catalog/status-definitions.js';
import { ERRORS_MODULE_OPTIONS } from '../errors.constants.js';
import { AppError } from '../exceptions/app.error.js';
import { UnauthorizedError } from '../exceptions/unauthorized.error.js';
import type { ErrorsModuleOptions } from '../interfaces/errors-module-options.interface.js';
import { ErrorReasons } from '../report/error-reasons.js';
import type { AuthSession, SessionResolver } from './auth-options.interface.js';
import {
  accountBlockedSentence,
  SESSION_CHECK_TIMED_OUT,
  SESSION_EXPIRED_SENTENCE,
  TOKEN_REQUIRED_SENTENCE,
} from './auth-sentences.js';
import { parseAuthorization } from './parse-authorization.js';
import { IS_PUBLIC } from './public.decorator.js';

const DEFAULT_TIMEOUT_MS = 5000;
const MAX_TIMER_MS = 2 ** 31 - 1;
const SERVICE_UNAVAILABLE = definitionForStatus(503);

interface AuthenticatedRequest {
  user?: unknown;
  raw?: { rawHeaders?: string[] };
  rawHeaders?: string[];
}

/**
 * Authenticates every request it guards from its bearer token, answering
 * 401 / 99 with the reference sentences: no token, an unknown or expired
 * session, a blocked account, or a token whose `2f.` prefix does not match
 * the user's two-factor setting. It only throws; the filter answers.
 *
 * Register it globally with `ErrorsModule.forRoot({ globalAuthGuard: true, auth })`,
 * or per controller or route with `@UseGuards(TwoFactorAuthGuard)`.
 *
 * @publicApi
 */
@Injectable()
export class TwoFactorAuthGuard implements CanActivate {
  private readonly resolveSession: SessionResolver;
  private readonly blocked: string;
  private readonly timeoutMs: number;

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Optional() @Inject(ERRORS_MODULE_OPTIONS) options: ErrorsModuleOptions = {},
  ) {
    const auth = options.auth;
    if (typeof auth?.resolveSession !== 'function') {
      throw new TypeError(
        'TwoFactorAuthGuard needs ErrorsModule.forRoot({ auth: { resolveSession } })',
      );
    }
    this.resolveSession = auth.resolveSession;
    this.blocked = accountBlockedSentence(auth.supportTeam ?? 'Support');
    this.timeoutMs = auth.resolveTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    // Node turns a delay it cannot hold (over 2^31 - 1 ms, or not a number) into 1 ms.
    if (!Number.isInteger(this.timeoutMs) || this.timeoutMs < 1 || this.timeoutMs > MAX_TIMER_MS) {
      throw new TypeError(
        `auth.resolveTimeoutMs must be a whole number of milliseconds from 1 to ${MAX_TIMER_MS}`,
      );
    }
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic === true) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = parseAuthorization(request.raw?.rawHeaders ?? request.rawHeaders ?? []);
    if (token === undefined) throw refuse(TOKEN_REQUIRED_SENTENCE, ErrorReasons.TOKEN_MISSING);

    const session = await this.withTimeout(this.resolveSession(token, request));
    if (session === null || session === undefined) {
      throw refuse(SESSION_EXPIRED_SENTENCE, ErrorReasons.TOKEN_UNKNOWN);
    }
    if (session.expired === true)
      throw refuse(SESSION_EXPIRED_SENTENCE, ErrorReasons.SESSION_EXPIRED);
    if (session.blocked === true) throw refuse(this.blocked, ErrorReasons.ACCOUNT_BLOCKED);
    if (session.twoFactorEnabled !== token.twoFactor) {
      throw refuse(SESSION_EXPIRED_SENTENCE, ErrorReasons.TWO_FACTOR_MISMATCH);
    }

    request.user = session.user;
    return true;
  }

  private withTimeout(
    lookup: AuthSession | null | Promise<AuthSession | null>,
  ): Promise<AuthSession | null> {
    // A synchronous resolver needs no timer.
    if (typeof (lookup as PromiseLike<unknown> | null)?.then !== 'function') {
      return Promise.resolve(lookup);
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new AppError(SERVICE_UNAVAILABLE, SESSION_CHECK_TIMED_OUT, {
              reason: ErrorReasons.SESSION_CHECK_TIMEOUT,
            }),
          ),
        this.timeoutMs,
      );
    });
    return Promise.race([lookup, timeout]).finally(() => clearTimeout(timer));
  }
}

/** Every refusal is 401 / 99 with the reference sentence; the reason lets other formats tell them apart. */
function refuse(sentence: string, reason: string): UnauthorizedError {
  return new UnauthorizedError(sentence, { reason });
}
