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

  /** Starts a session; `twoFactor` marks one opened by the second login step. */
  open(userId: number, twoFactor: boolean): string {
    const token = randomBytes(24).toString('base64url');
    const expiresAt = Date.now() + this.config.sessionTtlSeconds * 1000;
    this.db.run(
      `INSERT INTO sessions (token_hash, user_id, two_factor, expires_at)
       VALUES (:token_hash, :user_id, :two_factor, :expires_at)`,
      {
        token_hash: hashToken(token),
        user_id: userId,
        two_factor: twoFactor ? 1 : 0,
        expires_at: expiresAt,
      },
    );
    return twoFactor ? `2f.${token}` : token;
  }

  /** Ends a session; its token then answers "Your session has expired". */
  close(token: PresentedToken): void {
    this.db.run('DELETE FROM sessions WHERE token_hash = :token_hash', {
      token_hash: hashToken(token.value),
    });
  }

  /** What the guard asks: the session of a token, or `null`. */
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
    const twoFactorEnabled = row.totp_secret !== null;
    return {
      user: { id: row.user_id, email: row.email, two_factor_enabled: twoFactorEnabled },
      twoFactorEnabled,
      blocked: row.blocked === 1,
      expired: row.expires_at <= Date.now(),
    };
  }

  /** The user of a first-step session, for the two-factor step. */
  firstStepUser(
    token: string,
  ): { id: number; totp_secret: string | null; last_totp_step: number | null } | undefined {
    return this.db.get(
      `SELECT u.id, u.totp_secret, u.last_totp_step FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = :token_hash AND s.two_factor = 0 AND s.expires_at > :now`,
      { token_hash: hashToken(token), now: Date.now() },
    );
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
