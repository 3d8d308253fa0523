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
import { withoutStack } from '../exceptions/without-stack.js';
import type { ErrorsModuleOptions } from '../interfaces/errors-module-options.interface.js';
import { ErrorReasons } from '../report/error-reasons.js';
import type { AuthSession, PresentedToken, SessionResolver } from './auth-options.interface.js';
import {
  accountBlockedSentence,
  SESSION_CHECK_TIMED_OUT,
  SESSION_EXPIRED_SENTENCE,
  TOKEN_REQUIRED_SENTENCE,
} from './auth-sentences.js';
import { DeadlineRace } from './deadline.js';
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
  private readonly deadline: DeadlineRace;
  private readonly publicHandlers = new WeakMap<object, WeakMap<object, boolean>>();

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
    const timeoutMs = auth.resolveTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    // Node turns a delay it cannot hold (over 2^31 - 1 ms, or not a number) into 1 ms.
    if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > MAX_TIMER_MS - 100) {
      throw new TypeError(
        `auth.resolveTimeoutMs must be a whole number of milliseconds from 1 to ${MAX_TIMER_MS - 100}`,
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

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = parseAuthorization(request.raw?.rawHeaders ?? request.rawHeaders ?? []);
    if (token === undefined) throw refuse(TOKEN_REQUIRED_SENTENCE, ErrorReasons.TOKEN_MISSING);

    const lookup = this.resolveSession(token, request);
    if (!isThenable(lookup)) return this.admit(request, token, lookup);
    // A session store that does not answer in time answers 503, not a hung request.
    return this.deadline.race(lookup, (session) => this.admit(request, token, session));
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
      isPublic =
        this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [handler, controller]) ===
        true;
      handlers.set(handler, isPublic);
    }
    return isPublic;
  }

  /** Compares the session with the token; the order of the checks is the truth table's. */
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
