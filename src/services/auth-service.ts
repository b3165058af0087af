import { createHash, randomBytes } from 'node:crypto';
import type { FsiClient } from '../center/fsi-client';
import type { SessionInfo } from '../contract/types';
import { AppError } from '../domain/errors';
import { afterFailure, lockedUntil, lockMessage } from '../domain/login-throttle';
import { ROLE_LABELS, type StaffMember } from '../domain/staff';
import type { Db } from '../store/database';
import { LoginFailureRepository } from '../store/login-failure-repository';
import type { OutboxRepository } from '../store/outbox-repository';
import type { SessionRepository } from '../store/session-repository';
import type { StaffRepository } from '../store/staff-repository';
import { signInToCenter } from './center-session';
import type { Logger } from './logger';
import { enqueueTransaction } from './outbox-enqueue';
import { hashPassword, verifyPassword } from './password';

const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface AuthDeps {
  db: Db;
  staff: StaffRepository;
  sessions: SessionRepository;
  outbox: OutboxRepository;
  fsi: FsiClient;
  log: Logger;
  now?: () => number;
  /** A counter of a store: attempts counted store-wide (D57); null for a single counter. */
  storeThrottle?: StoreLoginThrottle | null;
}

/** The store's count of a log-in attempt; null when the store could not be asked. */
export interface StoreLoginThrottle {
  attempt(username: string, accepted: boolean): Promise<{ lockedForMs: number | null } | null>;
}

export interface AuthenticatedSession {
  tokenHash: string;
  staff: StaffMember;
  signNo: string | null;
  /** Set while the password is an administrator's temporary one (see api/dispatch.ts). */
  mustChangePassword?: boolean;
}

/** A hash of no password anybody knows, checked for names that are no account. */
let decoy: Promise<string> | null = null;
const decoyHash = () => {
  decoy ??= hashPassword(randomBytes(16).toString('base64'));
  return decoy;
};

export function createAuthService(deps: AuthDeps) {
  const now = deps.now ?? Date.now;
  const failures = new LoginFailureRepository(deps.db);
  failures.forgetOlderThan(now() - 24 * 60 * 60 * 1000);
  const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

  function sessionInfo(
    token: string,
    staff: StaffMember,
    center: SessionInfo['center'],
    mustChangePassword: boolean,
  ): SessionInfo {
    return {
      token,
      staff: {
        id: staff.id,
        username: staff.username,
        displayName: staff.displayName,
        role: staff.role,
        roleLabel: ROLE_LABELS[staff.role],
      },
      center,
      mustChangePassword,
    };
  }

  return {
    /**
     * Same work and the same answer for a wrong password and a name that is no account (a hash
     * is always checked); a name locked after repeated failures is refused even with the right
     * password, and the lock is kept across restarts.
     */
    async login(username: string, password: string): Promise<SessionInfo> {
      const found = deps.staff.findByUsername(username);
      const ok = await verifyPassword(password, found?.passwordHash ?? (await decoyHash()));
      const at = now();
      const record = failures.find(username);
      const accepted = lockedUntil(record, at) === null && found !== null && ok && found.active;
      // A lock-out at another counter of the store holds here too; offline, only our own.
      const atStore = (await deps.storeThrottle?.attempt(username, accepted)) ?? null;
      const storeLockMs = atStore?.lockedForMs ?? null;
      const storeUntil = storeLockMs === null ? null : at + storeLockMs;
      if (accepted && storeUntil === null) {
        if (record) failures.clear(username);
      } else {
        const counted = afterFailure(record, at);
        // Kept here as well, so the store's lock-out still holds at this counter offline.
        const next =
          storeUntil !== null && (counted.lockedUntil ?? 0) < storeUntil
            ? { ...counted, lockedUntil: storeUntil }
            : counted;
        failures.save(username, next);
        const until = lockedUntil(next, at);
        deps.log.warn('auth.login.refused', { username, locked: until !== null });
        throw new AppError(
          'UNAUTHENTICATED',
          until === null ? '用户名或密码错误' : lockMessage(until, at),
        );
      }
      const token = randomBytes(32).toString('base64url');
      const tokenHash = hashToken(token);
      deps.sessions.create(tokenHash, found.staff.id, now() + SESSION_TTL_MS);
      const center = await signInToCenter(deps.fsi, found.staff);
      if (center.signNo)
        deps.sessions.setCenterSignIn(tokenHash, center.signNo, center.signTime ?? '');
      deps.log.info('auth.login', { username, signedIn: Boolean(center.signNo) });
      return sessionInfo(token, found.staff, center, found.mustChangePassword);
    },

    /** Resolves a bearer token to its session, or refuses. */
    authenticate(token: string | null): AuthenticatedSession {
      if (!token) throw new AppError('UNAUTHENTICATED', '请先登录');
      const tokenHash = hashToken(token);
      const row = deps.sessions.find(tokenHash, now());
      const staff = row ? deps.staff.findById(row.staffId) : null;
      if (!row || !staff) throw new AppError('UNAUTHENTICATED', '登录已过期，请重新登录');
      return {
        tokenHash,
        staff,
        signNo: row.signNo,
        mustChangePassword: deps.staff.mustChangePassword(staff.id),
      };
    },

    session(token: string, s: AuthenticatedSession): SessionInfo {
      return sessionInfo(
        token,
        s.staff,
        {
          signNo: s.signNo,
          signTime: null,
          error: s.signNo ? null : '尚未签到医保中心',
        },
        s.mustChangePassword === true,
      );
    },

    /** Retries 9001 for a session that could not sign in at log-in (e.g. the center was offline). */
    async ensureSignedIn(s: AuthenticatedSession): Promise<string> {
      if (s.signNo) return s.signNo;
      deps.fsi.assertMayBuildMsgids();
      const center = await signInToCenter(deps.fsi, s.staff);
      if (!center.signNo)
        throw new AppError('CENTER_UNREACHABLE', center.error ?? '医保中心签到失败');
      deps.sessions.setCenterSignIn(s.tokenHash, center.signNo, center.signTime ?? '');
      s.signNo = center.signNo;
      return center.signNo;
    },

    /**
     * Ends the session. The 9002 sign-out goes through the outbox in the same transaction,
     * so it reaches the center even when the counter is offline right now.
     */
    logout(s: AuthenticatedSession): void {
      deps.db.transaction(() => {
        if (s.signNo) {
          const request = deps.fsi.buildRequest({
            infno: '9002',
            input: { signOut: { sign_no: s.signNo, opter_no: s.staff.username } },
            opter: s.staff.username,
            opterName: s.staff.displayName,
            signNo: s.signNo,
          });
          enqueueTransaction(deps.outbox, request, { signNo: s.signNo });
        }
        deps.sessions.delete(s.tokenHash);
      })();
      deps.log.info('auth.logout', { username: s.staff.username });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
