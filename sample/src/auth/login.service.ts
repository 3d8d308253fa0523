import { Injectable } from '@nestjs/common';
import {
  accountBlockedSentence,
  PasswordNotMatchError,
  UnauthorizedError,
  UserNotExistsError,
} from 'nestjs-api-errors';
import { DatabaseService } from '../database/database.service.js';
import { SUPPORT_TEAM } from '../errors.js';
import { FIRST_STEP_TTL_SECONDS, MAX_FAILED_LOGINS } from './login-limits.js';
import { NO_ACCOUNT_HASH, verifyPassword } from './passwords.js';
import { SessionsService } from './sessions.service.js';

interface UserRow {
  id: number;
  password_hash: string;
  totp_secret: string | null;
}

export interface LoginResult {
  token: string;
  two_factor_required: boolean;
}

@Injectable()
export class LoginService {
  constructor(
    private readonly db: DatabaseService,
    private readonly sessions: SessionsService,
  ) {}

  /**
   * First step: email and password. A user without two-factor gets a full
   * session; a user with it gets a short-lived first-step token, which
   * protected routes refuse until the second step trades it for a `2f.` one.
   */
  async login(email: string, password: string): Promise<LoginResult> {
    const user = this.db.get<UserRow>(
      'SELECT id, password_hash, totp_secret FROM users WHERE email = :email',
      { email: email.toLowerCase() },
    );
    // Hashed even without an account, so that answer takes as long as a wrong password.
    const matches = await verifyPassword(password, user?.password_hash ?? NO_ACCOUNT_HASH);
    if (user === undefined) throw new UserNotExistsError('No account found with this email');
    if (!matches) {
      if (!this.countWrongPassword(user.id)) throw blocked();
      throw new PasswordNotMatchError('The password does not match this account');
    }
    // Read after the hashing: the account may have been blocked meanwhile.
    if (!this.forgiveWrongPasswords(user.id)) throw blocked();
    const twoFactorRequired = user.totp_secret !== null;
    const token = this.sessions.open(
      user.id,
      false,
      twoFactorRequired ? FIRST_STEP_TTL_SECONDS : undefined,
    );
    return { token, two_factor_required: twoFactorRequired };
  }

  /**
   * Counts a wrong password, blocking the account at the limit; `false` when
   * it was blocked already. Count and block are one statement, so logins
   * arriving together cannot each read a count below the limit.
   */
  private countWrongPassword(userId: number): boolean {
    const { changes } = this.db.run(
      `UPDATE users SET failed_logins = failed_logins + 1, blocked = (failed_logins + 1 >= :max)
        WHERE id = :id AND blocked = 0`,
      { id: userId, max: MAX_FAILED_LOGINS },
    );
    return changes === 1;
  }

  /** Resets the count after a right password; `false` when the account is blocked. */
  private forgiveWrongPasswords(userId: number): boolean {
    const { changes } = this.db.run(
      'UPDATE users SET failed_logins = 0 WHERE id = :id AND blocked = 0',
      { id: userId },
    );
    return changes === 1;
  }
}

function blocked(): UnauthorizedError {
  return new UnauthorizedError(accountBlockedSentence(SUPPORT_TEAM));
}
