import type { Db } from './database';

export interface SessionRow {
  tokenHash: string;
  staffId: number;
  createdAt: number;
  expiresAt: number;
  /** 9001 sign-in number; null until the center accepted the sign-in. */
  signNo: string | null;
  signTime: string | null;
}

interface Row {
  token_hash: string;
  staff_id: number;
  created_at: number;
  expires_at: number;
  sign_no: string | null;
  sign_time: string | null;
}

/** Log-in sessions, keyed by the SHA-256 of the bearer token (the token itself is never stored). */
export class SessionRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  create(tokenHash: string, staffId: number, expiresAt: number): void {
    this.db
      .prepare(
        'INSERT INTO sessions (token_hash, staff_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
      )
      .run(tokenHash, staffId, this.now(), expiresAt);
  }

  /** The session if it exists and has not expired at `now`. */
  find(tokenHash: string, now: number = this.now()): SessionRow | null {
    const row = this.db
      .prepare('SELECT * FROM sessions WHERE token_hash = ? AND expires_at > ?')
      .get(tokenHash, now) as Row | undefined;
    return row
      ? {
          tokenHash: row.token_hash,
          staffId: row.staff_id,
          createdAt: row.created_at,
          expiresAt: row.expires_at,
          signNo: row.sign_no,
          signTime: row.sign_time,
        }
      : null;
  }

  delete(tokenHash: string): boolean {
    return (
      this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash).changes === 1
    );
  }

  /** Everyone logs in again (after a restore: the backup's sessions are of another moment). */
  deleteAll(): number {
    return this.db.prepare('DELETE FROM sessions').run().changes;
  }

  setCenterSignIn(tokenHash: string, signNo: string, signTime: string): boolean {
    return (
      this.db
        .prepare('UPDATE sessions SET sign_no = ?, sign_time = ? WHERE token_hash = ?')
        .run(signNo, signTime, tokenHash).changes === 1
    );
  }

  /** Moves every session still on an ended 9001 sign-in to its renewal. */
  renewCenterSignIn(endedSignNo: string, signNo: string): number {
    return this.db
      .prepare('UPDATE sessions SET sign_no = ? WHERE sign_no = ?')
      .run(signNo, endedSignNo).changes;
  }

  /** Housekeeping: removes sessions that expired before `now`; returns how many. */
  deleteExpired(now: number = this.now()): number {
    return this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now).changes;
  }
}
