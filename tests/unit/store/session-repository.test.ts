import { beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../../src/store/database';
import { SessionRepository } from '../../../src/store/session-repository';
import { StaffRepository } from '../../../src/store/staff-repository';

describe('SessionRepository', () => {
  let db: Db;
  let sessions: SessionRepository;
  let staffId: number;
  const T0 = 1_700_000_000_000;
  beforeEach(() => {
    db = openDatabase(':memory:');
    sessions = new SessionRepository(db, () => T0);
    staffId = new StaffRepository(db).create({
      username: 'shouyin',
      displayName: '李收银',
      role: 'cashier',
      passwordHash: 'h',
    }).id;
  });

  it('finds a session until it expires, not at or after the expiry instant [ARCH]', () => {
    sessions.create('hash-a', staffId, T0 + 1000);
    expect(sessions.find('hash-a', T0)).toEqual({
      tokenHash: 'hash-a',
      staffId,
      createdAt: T0,
      expiresAt: T0 + 1000,
      signNo: null,
      signTime: null,
    });
    expect(sessions.find('hash-a', T0 + 999)).not.toBeNull();
    expect(sessions.find('hash-a', T0 + 1000)).toBeNull();
    expect(sessions.find('hash-a', T0 + 5000)).toBeNull();
    expect(sessions.find('unknown', T0)).toBeNull();
  });

  it('records the 9001 sign-in on the session [ARCH]', () => {
    sessions.create('hash-a', staffId, T0 + 1000);
    expect(sessions.setCenterSignIn('hash-a', 'SIGN-1', '2025-01-01 08:00:00')).toBe(true);
    expect(sessions.find('hash-a', T0)).toMatchObject({
      signNo: 'SIGN-1',
      signTime: '2025-01-01 08:00:00',
    });
    expect(sessions.setCenterSignIn('missing', 'S', 't')).toBe(false);
  });

  it('deletes on log-out and sweeps expired sessions [ARCH]', () => {
    sessions.create('a', staffId, T0 + 1000);
    sessions.create('b', staffId, T0 + 10);
    sessions.create('c', staffId, T0 + 5000);
    expect(sessions.delete('a')).toBe(true);
    expect(sessions.delete('a')).toBe(false);
    expect(sessions.deleteExpired(T0 + 100)).toBe(1);
    expect(sessions.find('c', T0 + 100)).not.toBeNull();
  });
});
