import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  Optional,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { definitionForStatus } from '../catalog/status-definitions.js';
import { AppError } from '../exceptions/app.error.js';
import { UnauthorizedError } from '../exceptions/unauthorized.error.js';
import { withoutStack } from '../exceptions/without-stack.js';
import { InjectAuthOptions } from '../inject-options.decorators.js';
import { ErrorReasons } from '../report/error-reasons.js';
import type {
  AuthOptions,
  AuthSession,
  PresentedToken,
  SessionResolver,
} from './auth-options.interface.js';
import {
  accountBlockedSentence,
  SESSION_CHECK_TIMED_OUT,
  SESSION_EXPIRED_SENTENCE,
  TOKEN_REQUIRED_SENTENCE,
} from './auth-sentences.js';
import { DeadlineRace } from './deadline.js';
import { parseAuthorization } from './parse-authorization.js';
import { IS_PUBLIC, IS_PUBLIC_KEY } from './public.decorator.js';

const DEFAULT_TIMEOUT_MS = 5000;
/** Longest timeout: Node holds delays up to 2^31 - 1 ms, and a deadline window is added. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1 - 100;
const SERVICE_UNAVAILABLE = definitionForStatus(503);

interface AuthenticatedRequest {
  user?: unknown;
  raw?: { rawHeaders?: string[] };
  rawHeaders?: string[];
}

/**
 * Authenticates every request it guards from its bearer token, answering
 * 401 / 99: no token, an unknown or expired session, a blocked account, or a
 * token whose `2f.` prefix does not match the user's two-factor setting.
 * It only throws; the filter answers.
 *
 * Register it globally with `ErrorsModule.forRoot({ globalAuthGuard: true, auth })`,
 * or per controller or route with `@UseGuards(TwoFactorAuthGuard)`. Routes
 * marked `@Public()` (this package's, or the Nest documentation's own
 * `SetMetadata('isPublic', true)`) pass without a token. Subclasses may
 * override {@link TwoFactorAuthGuard.getToken} to read the token another way.
 *
 * @publicApi
 */
@Injectable()
export class TwoFactorAuthGuard implements CanActivate {
  private readonly resolveSession: SessionResolver;
  private readonly blocked: string;
  private readonly deadline: DeadlineRace;
  private readonly publicHandlers = new WeakMap<object, WeakMap<object, boolean>>();

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Optional() @InjectAuthOptions() auth?: AuthOptions,
  ) {
    if (typeof auth?.resolveSession !== 'function') {
      throw new TypeError(
        'TwoFactorAuthGuard needs ErrorsModule.forRoot({ auth: { resolveSession } })',
      );
    }
    this.resolveSession = auth.resolveSession;
    this.blocked = accountBlockedSentence(auth.supportTeam ?? 'Support');
    const timeoutMs = auth.resolveTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    // Node turns a delay it cannot hold (too long, or not a number) into 1 ms.
    if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS) {
      throw new TypeError(
        `auth.resolveTimeoutMs must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}`,
      );
    }
    this.deadline = new DeadlineRace(
      timeoutMs,
      () =>
        new AppError(SERVICE_UNAVAILABLE, SESSION_CHECK_TIMED_OUT, {
          reason: ErrorReasons.SESSION_CHECK_TIMEOUT,
        }),
    );
  }

  /**
   * Synchronous when the resolver is: an `async` guard would cost every
   * request a promise and a turn of the microtask queue for nothing.
   */
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (this.isPublic(context)) return true;

    // By index: `switchToHttp()` allocates on every call.
    const request = context.getArgByIndex<AuthenticatedRequest>(0);
    const token = this.getToken(request);
    if (token === undefined) throw refuse(TOKEN_REQUIRED_SENTENCE, ErrorReasons.TOKEN_MISSING);

    const lookup = this.resolveSession(token, request);
    if (!isThenable(lookup)) return this.admit(request, token, lookup);
    // A session store that does not answer in time answers 503, not a hung request.
    return this.deadline.race(lookup, (session) => this.admit(request, token, session));
  }

  /**
   * The token a request presents, or `undefined` when it presents none that
   * is usable. By default: exactly one `Authorization: Bearer <token>`
   * header, at most 4 KiB, with the `2f.` prefix taken off. Override it to
   * read a token elsewhere (a cookie, another header); the value is handed
   * to `resolveSession` as it is returned.
   */
  protected getToken(request: any): PresentedToken | undefined {
    const req = request as AuthenticatedRequest;
    return parseAuthorization(req.raw?.rawHeaders ?? req.rawHeaders ?? []);
  }

  /**
   * `@Public()` on the handler, or on its controller. Read once per handler:
   * decorators cannot change once the routes exist, and two metadata
   * look-ups on every request were a third of the guard's cost. The map holds
   * only that per-handler fact, nothing from a request.
   */
  private isPublic(context: ExecutionContext): boolean {
    const controller = context.getClass();
    const handler = context.getHandler();
    // By controller, then handler: a subclass inherits its parent's handler functions.
    let handlers = this.publicHandlers.get(controller);
    if (handlers === undefined) {
      handlers = new WeakMap();
      this.publicHandlers.set(controller, handlers);
    }
    let isPublic = handlers.get(handler);
    if (isPublic === undefined) {
      const targets = [handler, controller];
      isPublic =
        this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets) === true ||
        this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets) === true;
      handlers.set(handler, isPublic);
    }
    return isPublic;
  }

  /** Compares the session with the token, in the order the refusals are documented. */
  private admit(
    request: AuthenticatedRequest,
    token: PresentedToken,
    session: AuthSession | null | undefined,
  ): true {
    if (session === null || session === undefined) {
      throw refuse(SESSION_EXPIRED_SENTENCE, ErrorReasons.TOKEN_UNKNOWN);
    }
    if (session.expired === true) {
      throw refuse(SESSION_EXPIRED_SENTENCE, ErrorReasons.SESSION_EXPIRED);
    }
    if (session.blocked === true) throw refuse(this.blocked, ErrorReasons.ACCOUNT_BLOCKED);
    if (session.twoFactorEnabled !== token.twoFactor) {
      throw refuse(SESSION_EXPIRED_SENTENCE, ErrorReasons.TWO_FACTOR_MISMATCH);
    }
    request.user = session.user;
    return true;
  }
}

function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as PromiseLike<T> | null)?.then === 'function';
}

/**
 * Every refusal is 401 / 99; the reason lets other formats tell them apart.
 * A refusal is the client's business and never logged with a stack, so it
 * captures none.
 */
function refuse(sentence: string, reason: string): UnauthorizedError {
  return withoutStack(() => new UnauthorizedError(sentence, { reason }));
}
