import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { AuthSession, PresentedToken } from 'nestjs-api-errors';
import { SAMPLE_CONFIG, type SampleConfig } from '../config.js';
import { DatabaseService } from '../database/database.service.js';
import type { User } from './user.js';

interface SessionRow {
  user_id: number;
  two_factor: number;
  expires_at: number;
  email: string;
  totp_secret: string | null;
  blocked: number;
}

/** A first-step session waiting for its code, with what the second step needs of its user. */
export interface PendingSecondStep {
  userId: number;
  totpSecret: string | null;
  /** The last authenticator time step used, so a code works once. */
  lastStep: number | null;
  blocked: boolean;
}

/**
 * Sessions live in the database, keyed by a hash of their token. A token
 * issued after the two-factor step is handed out with the `2f.` prefix; the
 * prefix is not part of what is stored.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly db: DatabaseService,
    @Inject(SAMPLE_CONFIG) private readonly config: SampleConfig,
  ) {}

  /**
   * Starts a session; `twoFactor` marks one opened by the second login step.
   * It lasts the configured time, or `maxSeconds` if that is shorter.
   */
  open(userId: number, twoFactor: boolean, maxSeconds = Infinity): string {
    const token = randomBytes(24).toString('base64url');
    const seconds = Math.min(this.config.sessionTtlSeconds, maxSeconds);
    this.db.run(
      `INSERT INTO sessions (token_hash, user_id, two_factor, expires_at)
       VALUES (:token_hash, :user_id, :two_factor, :expires_at)`,
      {
        token_hash: hashToken(token),
        user_id: userId,
        two_factor: twoFactor ? 1 : 0,
        expires_at: Date.now() + seconds * 1000,
      },
    );
    return twoFactor ? `2f.${token}` : token;
  }

  /**
   * Ends the session of a token presented with the prefix it was issued
   * with; its token then answers "Your session has expired". Nothing happens
   * for a token that has no session.
   */
  close(token: PresentedToken): void {
    this.db.run(
      'DELETE FROM sessions WHERE token_hash = :token_hash AND two_factor = :two_factor',
      {
        token_hash: hashToken(token.value),
        two_factor: token.twoFactor ? 1 : 0,
      },
    );
  }

  /** What the guard asks: the session of a token, or `null`. An expired one is deleted on the way. */
  resolve(token: PresentedToken): AuthSession<User> | null {
    const row = this.db.get<SessionRow>(
      `SELECT s.user_id, s.two_factor, s.expires_at, u.email, u.totp_secret, u.blocked
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = :token_hash`,
      { token_hash: hashToken(token.value) },
    );
    // The prefix must be the one the session was issued with: adding `2f.` to
    // a first-step token must not turn it into a two-factor one.
    if (row === undefined || (row.two_factor === 1) !== token.twoFactor) return null;
    const expired = row.expires_at <= Date.now();
    if (expired) this.close(token);
    const twoFactorEnabled = row.totp_secret !== null;
    return {
      user: { id: row.user_id, email: row.email, two_factor_enabled: twoFactorEnabled },
      twoFactorEnabled,
      blocked: row.blocked === 1,
      expired,
    };
  }

  /** The first-step session of a token, unexpired, for the second login step. */
  firstStep(token: string): PendingSecondStep | undefined {
    const row = this.db.get<{
      user_id: number;
      totp_secret: string | null;
      last_totp_step: number | null;
      blocked: number;
    }>(
      `SELECT u.id AS user_id, u.totp_secret, u.last_totp_step, u.blocked
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = :token_hash AND s.two_factor = 0 AND s.expires_at > :now`,
      { token_hash: hashToken(token), now: Date.now() },
    );
    if (row === undefined) return undefined;
    return {
      userId: row.user_id,
      totpSecret: row.totp_secret,
      lastStep: row.last_totp_step,
      blocked: row.blocked === 1,
    };
  }

  /** Counts a wrong code against a first-step token, which is spent at `max`. */
  countWrongCode(token: string, max: number): void {
    const params = { token_hash: hashToken(token), max };
    this.db.run(
      `UPDATE sessions SET failed_codes = failed_codes + 1
        WHERE token_hash = :token_hash AND two_factor = 0`,
      { token_hash: params.token_hash },
    );
    this.db.run(
      `DELETE FROM sessions WHERE token_hash = :token_hash AND two_factor = 0 AND failed_codes >= :max`,
      params,
    );
  }

  /** Deletes every expired session; answers how many. */
  deleteExpired(): number {
    return this.db.run('DELETE FROM sessions WHERE expires_at <= :now', { now: Date.now() })
      .changes;
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
