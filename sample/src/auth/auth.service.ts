import { Injectable } from '@nestjs/common';
import {
  accountBlockedSentence,
  InvalidParameterError,
  PasswordNotMatchError,
  SESSION_EXPIRED_SENTENCE,
  UnauthorizedError,
  UserNotExistsError,
} from 'nestjs-api-errors';
import { DatabaseService } from '../database/database.service.js';
import { SUPPORT_TEAM } from '../errors.js';
import { verifyPassword } from './passwords.js';
import { SessionsService } from './sessions.service.js';
import { matchTotp } from './totp.js';

/** Wrong passwords in a row that block an account. */
export const MAX_FAILED_LOGINS = 5;

interface UserRow {
  id: number;
  password_hash: string;
  totp_secret: string | null;
  blocked: number;
  failed_logins: number;
}

export interface LoginResult {
  token: string;
  two_factor_required: boolean;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly db: DatabaseService,
    private readonly sessions: SessionsService,
  ) {}

  /**
   * First step: email and password. A user without two-factor gets a full
   * session; a user with it gets a first-step token, which protected routes
   * refuse until `twoFactor()` trades it for a `2f.` token.
   */
  login(email: string, password: string): LoginResult {
    const user = this.db.get<UserRow>(
      'SELECT id, password_hash, totp_secret, blocked, failed_logins FROM users WHERE email = :email',
      { email: email.toLowerCase() },
    );
    if (user === undefined) throw new UserNotExistsError('No account found with this email');
    if (user.blocked === 1) throw new UnauthorizedError(accountBlockedSentence(SUPPORT_TEAM));
    if (!verifyPassword(password, user.password_hash)) {
      this.recordFailure(user);
      throw new PasswordNotMatchError('The password does not match this account');
    }
    this.db.run('UPDATE users SET failed_logins = 0 WHERE id = :id', { id: user.id });
    const twoFactorRequired = user.totp_secret !== null;
    return { token: this.sessions.open(user.id, false), two_factor_required: twoFactorRequired };
  }

  /** Second step: the first-step token and the current authenticator code. */
  twoFactor(token: string, code: string): { token: string } {
    const user = this.sessions.firstStepUser(token);
    if (user === undefined || user.totp_secret === null) {
      throw new UnauthorizedError(SESSION_EXPIRED_SENTENCE);
    }
    const step = matchTotp(user.totp_secret, code);
    if (step === undefined) {
      throw new InvalidParameterError(
        'code does not match; use the current code of your authenticator app',
      );
    }
    if (user.last_totp_step !== null && step <= user.last_totp_step) {
      throw new InvalidParameterError('code has been used already; wait for the next one');
    }
    this.db.run('UPDATE users SET last_totp_step = :step WHERE id = :id', { step, id: user.id });
    this.sessions.close({ value: token, twoFactor: false });
    return { token: this.sessions.open(user.id, true) };
  }

  /** Too many wrong passwords block the account, which also ends its open sessions' use. */
  private recordFailure(user: UserRow): void {
    const failures = user.failed_logins + 1;
    this.db.run('UPDATE users SET failed_logins = :failures, blocked = :blocked WHERE id = :id', {
      failures,
      blocked: failures >= MAX_FAILED_LOGINS ? 1 : 0,
      id: user.id,
    });
  }
}
