import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffView } from '../../../src/contract/types-staff';
import { MAX_FAILURES } from '../../../src/domain/login-throttle';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { postgresForThisFile } from './helpers/postgres';
import { type CounterId, storeWithTwoCounters } from './helpers/store-counters';

/**
 * Log-in lock-outs across the counters of a store (issue 17, D57): failed attempts are counted at
 * the store server, so guessing a pharmacist's password at counter A and then at counter B runs
 * into one lock-out; without the store a counter's own lock-out still applies.
 */
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const admin = DEMO_STAFF.find((s) => s.role === 'admin');
const TEMPORARY = 'Temp2024x';
const cashier = DEMO_STAFF.find((s) => s.role === 'cashier');
if (!pharmacist || !admin || !cashier) throw new Error('demo data missing');

const pg15 = postgresForThisFile();
const s = storeWithTwoCounters(pg15.url);

beforeAll(() => s.start(), 180_000);
afterAll(() => s.stopAll());

const login = (id: CounterId, username: string, password: string) =>
  s.counters[id].h.api<{ token: string }>('auth.login', { username, password });

const storeRow = async (username: string) =>
  (
    await s
      .pool()
      .query(
        'SELECT failures, locked_until IS NOT NULL AS locked FROM store_login_failures WHERE username_key = lower($1)',
        [username],
      )
  ).rows[0];

describe('log-in lock-outs across the counters of a store', () => {
  it('failed log-ins spread over counters A and B lock the pharmacist’s account at both, with the time left; the right password is refused at both until an administrator’s reset lifts it [R-PHARMACIST]', async () => {
    const name = pharmacist.username;
    const fromA = Math.ceil(MAX_FAILURES / 2);
    for (let n = 0; n < fromA; n++) {
      expect((await login('A', name, `wrong-${n}`)).error?.message).toBe('用户名或密码错误');
    }
    for (let n = fromA; n < MAX_FAILURES - 1; n++) {
      expect((await login('B', name, `wrong-${n}`)).error?.message).toBe('用户名或密码错误');
    }
    const last = await login('B', name.toUpperCase(), 'wrong-last');
    expect(last.error).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(last.error?.message).toMatch(/该用户名已暂时锁定，请 1[45] 分钟后再试/);
    expect(await storeRow(name)).toEqual({ failures: MAX_FAILURES, locked: true });

    for (const id of ['A', 'B'] as const) {
      const right = await login(id, name, pharmacist.password);
      expect(right.ok, `counter ${id}`).toBe(false);
      expect(right.error?.message).toMatch(/该用户名已暂时锁定，请 1[45] 分钟后再试/);
    }
    // Counter A learnt the lock from the store: it holds there while the store is unreachable.
    await s.cutOffCounter('A');
    try {
      expect((await login('A', name, pharmacist.password)).error?.message).toMatch(
        /该用户名已暂时锁定/,
      );
    } finally {
      await s.reconnectCounter('A');
    }

    // An administrator's password reset at B lifts the lock at the store, and at A once pulled.
    const adminAtB = (await login('B', admin.username, admin.password)).value?.token ?? '';
    const staff = await s.counters.B.h.api<StaffView[]>('staff.list', {}, adminAtB);
    const id = staff.value?.find((u) => u.username === name)?.id;
    const reset = await s.counters.B.h.api(
      'staff.resetPassword',
      { id, password: TEMPORARY },
      adminAtB,
    );
    expect(reset.ok, reset.error?.message).toBe(true);
    await s.counters.B.h.services.storeStaff?.syncNow();
    expect(await storeRow(name)).toBeUndefined();
    await s.counters.A.h.services.storeStaff?.syncNow();
    const afterReset = await login('A', name, TEMPORARY);
    expect(afterReset.ok, afterReset.error?.message).toBe(true);
  });

  it('without the store server a counter’s own lock-out still applies; a right password at a counter clears the store’s count [R-PHARMACIST]', async () => {
    await s.cutOffCounter('A');
    try {
      for (let n = 0; n < MAX_FAILURES - 1; n++) {
        expect((await login('A', cashier.username, `wrong-${n}`)).error?.message).toBe(
          '用户名或密码错误',
        );
      }
      expect((await login('A', cashier.username, 'wrong-last')).error?.message).toMatch(
        /该用户名已暂时锁定，请 1[45] 分钟后再试/,
      );
      expect((await login('A', cashier.username, cashier.password)).ok).toBe(false);
    } finally {
      await s.reconnectCounter('A');
    }
    // The store never heard those attempts: at B the count starts afresh, and a success clears it.
    expect((await login('B', cashier.username, 'wrong-b')).ok).toBe(false);
    expect(await storeRow(cashier.username)).toEqual({ failures: 1, locked: false });
    expect((await login('B', cashier.username, cashier.password)).ok).toBe(true);
    expect(await storeRow(cashier.username)).toBeUndefined();
  });
});
