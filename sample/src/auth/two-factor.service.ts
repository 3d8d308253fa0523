import { Injectable } from '@nestjs/common';
import {
  accountBlockedSentence,
  InvalidParameterError,
  SESSION_EXPIRED_SENTENCE,
  UnauthorizedError,
} from 'nestjs-api-errors';
import { DatabaseService } from '../database/database.service.js';
import { SUPPORT_TEAM } from '../errors.js';
import { MAX_CODES_PER_TOKEN, MAX_FAILED_CODES } from './login-limits.js';
import { SessionsService } from './sessions.service.js';
import { matchTotp } from './totp.js';

const NO_MATCH = 'code does not match; use the current code of your authenticator app';
const USED = 'code has been used already; wait for the next one';

/**
 * Second login step: the first-step token and the current authenticator
 * code. Six digits are a million guesses, so every refused code counts: a
 * token is spent after a few, the account blocked after a few more in a row.
 * Everything here is synchronous, so concurrent guesses are counted one by
 * one and none slips between a check and its count.
 */
@Injectable()
export class TwoFactorService {
  constructor(
    private readonly db: DatabaseService,
    private readonly sessions: SessionsService,
  ) {}

  verify(token: string, code: string): { token: string } {
    const pending = this.sessions.firstStep(token);
    if (pending === undefined || pending.totpSecret === null) {
      throw new UnauthorizedError(SESSION_EXPIRED_SENTENCE);
    }
    if (pending.blocked) throw new UnauthorizedError(accountBlockedSentence(SUPPORT_TEAM));
    const step = matchTotp(pending.totpSecret, code);
    // A step at or before the last one used is a replay: a code works once.
    const used = step !== undefined && pending.lastStep !== null && step <= pending.lastStep;
    if (step === undefined || used) {
      this.countWrongCode(token, pending.userId);
      throw new InvalidParameterError(used ? USED : NO_MATCH);
    }
    this.db.run('UPDATE users SET last_totp_step = :step, failed_codes = 0 WHERE id = :id', {
      step,
      id: pending.userId,
    });
    this.sessions.close({ value: token, twoFactor: false });
    return { token: this.sessions.open(pending.userId, true) };
  }

  private countWrongCode(token: string, userId: number): void {
    this.sessions.countWrongCode(token, MAX_CODES_PER_TOKEN);
    this.db.run(
      `UPDATE users SET failed_codes = failed_codes + 1,
              blocked = CASE WHEN failed_codes + 1 >= :max THEN 1 ELSE blocked END
        WHERE id = :id`,
      { id: userId, max: MAX_FAILED_CODES },
    );
  }
}
