import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShiftView, StoreOnDutyView } from '../../../src/contract/types-review';
import type { StaffView } from '../../../src/contract/types-staff';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { postgresForThisFile } from './helpers/postgres';
import { COUNTERS, startInProcessStore } from './helpers/store';
import { freePort } from './helpers/store-counters';

/**
 * The pharmacy's staff roster and shifts at the store server (issue 17, R-PHARMACIST, D50): an
 * account registered at one counter signs in at every counter, offline with the last copy
 * pulled; a change made offline reaches the store later; who is on duty at which counter is
 * recorded at the store. A single counter is unchanged.
 */
const admin = DEMO_STAFF.find((s) => s.role === 'admin');
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
if (!admin || !pharmacist) throw new Error('demo data missing');
const LIU_ID = '110101199003071233';
const TEMPORARY = 'Temp2024x';
const CHOSEN = 'Counter2026qz';

const pg15 = postgresForThisFile();
let store: Awaited<ReturnType<typeof startInProcessStore>> | undefined;
let port = 0;
const at = {} as Record<'A' | 'B', Harness>;
const adminOf = {} as Record<'A' | 'B', string>;

const sync = (id: 'A' | 'B') => {
  const s = at[id].services.storeStaff;
  if (!s) throw new Error('store mode expected');
  return s.syncNow();
};
async function login(id: 'A' | 'B', username: string, password: string) {
  return at[id].api<{ token: string; mustChangePassword: boolean }>('auth.login', {
    username,
    password,
  });
}
async function ok<T>(id: 'A' | 'B', method: string, input: unknown, token: string): Promise<T> {
  const r = await at[id].api<T>(method, input, token);
  expect(r.ok, `${method}@${id}: ${r.error?.message}`).toBe(true);
  return r.value as T;
}
const stored = async (username: string) =>
  (
    await (store as NonNullable<typeof store>).pool.query(
      'SELECT * FROM store_staff WHERE username_key = lower($1)',
      [username],
    )
  ).rows[0] as Record<string, unknown> | undefined;

beforeAll(async () => {
  port = await freePort();
  store = await startInProcessStore(pg15.url(), port);
  for (const id of ['A', 'B'] as const) {
    at[id] = await startHarness({
      store: {
        mode: 'counter',
        url: `http://127.0.0.1:${port}`,
        counterId: id,
        secret: COUNTERS.get(id) ?? '',
      },
    });
    // Passes are driven by the test (syncNow), not by the timer.
    await at[id].services.storeStaff?.stop();
    await sync(id);
    adminOf[id] = (await login(id, admin.username, admin.password)).value?.token ?? '';
  }
}, 120_000);
afterAll(async () => {
  for (const h of Object.values(at)) await h?.close();
  await store?.stop();
});

describe('store server: staff registered once, signed in at any counter', () => {
  it('a pharmacist created at counter A signs in at counter B; the password changed at B works at A and the old one no longer does; the store holds the hash, never the password [R-PHARMACIST]', async () => {
    await ok<StaffView>(
      'A',
      'staff.create',
      {
        username: 'liuyang',
        displayName: '刘洋',
        role: 'pharmacist',
        pharmacistCode: 'Y500103000456',
        certno: LIU_ID,
        password: TEMPORARY,
      },
      adminOf.A,
    );
    expect((await login('B', 'liuyang', TEMPORARY)).ok).toBe(false);
    await sync('A');
    const atStore = await stored('liuyang');
    expect(atStore).toMatchObject({
      username: 'liuyang',
      role: 'pharmacist',
      pharmacist_code: 'Y500103000456',
      certno: LIU_ID,
      must_change_password: true,
      active: true,
      changed_by: 'A',
    });
    expect(JSON.stringify(atStore)).not.toContain(TEMPORARY);

    await sync('B');
    const first = await login('B', 'liuyang', TEMPORARY);
    expect(first.ok, first.error?.message).toBe(true);
    expect(first.value?.mustChangePassword).toBe(true);
    await ok(
      'B',
      'session.changePassword',
      { oldPassword: TEMPORARY, newPassword: CHOSEN },
      first.value?.token ?? '',
    );
    await sync('B');
    expect(await stored('liuyang')).toMatchObject({ must_change_password: false, changed_by: 'B' });
    expect(JSON.stringify(await stored('liuyang'))).not.toContain(CHOSEN);

    await sync('A');
    expect((await login('A', 'liuyang', TEMPORARY)).ok).toBe(false);
    const again = await login('A', 'liuyang', CHOSEN);
    expect(again.ok, again.error?.message).toBe(true);
    expect(again.value?.mustChangePassword).toBe(false);
  }, 60_000);

  it('with the store server down, counter B signs in with its last copy of the roster and an account switched off there reaches the store and counter A once it is back [R-PHARMACIST][R-KEEP]', async () => {
    await store?.stop();
    store = undefined;
    await expect(sync('B')).rejects.toThrow();
    const offline = await login('B', 'liuyang', CHOSEN);
    expect(offline.ok, offline.error?.message).toBe(true);
    const liu = (await ok<StaffView[]>('B', 'staff.list', {}, adminOf.B)).find(
      (s) => s.username === 'liuyang',
    );
    await ok('B', 'staff.deactivate', { id: liu?.id }, adminOf.B);

    store = await startInProcessStore(pg15.url(), port);
    expect(await stored('liuyang')).toMatchObject({ active: true });
    await sync('B');
    expect(await stored('liuyang')).toMatchObject({ active: false, changed_by: 'B' });
    await sync('A');
    expect((await login('A', 'liuyang', CHOSEN)).ok).toBe(false);
  }, 60_000);

  it('two counters changing one account from the same copy: the first change reaching the store stands and the other counter takes it [R-PHARMACIST][R-KEEP]', async () => {
    const idOf = async (id: 'A' | 'B') =>
      (await ok<StaffView[]>(id, 'staff.list', {}, adminOf[id])).find(
        (s) => s.username === 'liuyang',
      )?.id;
    const rename = async (id: 'A' | 'B', displayName: string) =>
      ok(
        'A' === id ? 'A' : 'B',
        'staff.update',
        {
          id: await idOf(id),
          displayName,
          role: 'pharmacist',
          pharmacistCode: 'Y500103000456',
        },
        adminOf[id],
      );
    await rename('A', '刘洋（A）');
    await rename('B', '刘洋（B）');
    expect((await sync('A')).conflicts).toEqual([]);
    expect((await sync('B')).conflicts).toEqual(['liuyang']);
    expect(await stored('liuyang')).toMatchObject({ display_name: '刘洋（A）' });
    const atB = (await ok<StaffView[]>('B', 'staff.list', {}, adminOf.B)).find(
      (s) => s.username === 'liuyang',
    );
    expect(atB?.displayName).toBe('刘洋（A）');
  }, 60_000);
});

describe('store server: who is on duty at which counter', () => {
  it('shifts opened and closed at two counters are recorded at the store, and a pharmacist on duty at both at once is shown at both (recorded, not refused) [R-PHARMACIST]', async () => {
    const tokens = {} as Record<'A' | 'B', string>;
    for (const id of ['A', 'B'] as const) {
      tokens[id] = (await login(id, pharmacist.username, pharmacist.password)).value?.token ?? '';
      await ok<ShiftView>(id, 'shift.open', {}, tokens[id]);
      await sync(id);
    }
    const both = await ok<StoreOnDutyView>('A', 'shift.store', {}, tokens.A);
    expect(both.shifts.map((s) => [s.counterId, s.pharmacistName, s.atCounters])).toEqual([
      ['A', pharmacist.displayName, 2],
      ['B', pharmacist.displayName, 2],
    ]);
    expect(both.message).toContain(`柜台 A ${pharmacist.displayName}`);

    const closed = await ok<ShiftView>('A', 'shift.close', {}, tokens.A);
    await sync('A');
    const left = await ok<StoreOnDutyView>('B', 'shift.store', {}, tokens.B);
    expect(left.shifts.map((s) => [s.counterId, s.atCounters])).toEqual([['B', 1]]);
    const row = await store?.pool.query(
      "SELECT closed_at IS NOT NULL AS closed FROM store_shifts WHERE counter_id = 'A' AND local_id = $1",
      [closed.shiftId],
    );
    expect(row?.rows).toEqual([{ closed: true }]);
    await expect(
      store?.pool.query("DELETE FROM store_shifts WHERE counter_id = 'A'"),
    ).rejects.toThrow(/append-only/);
    await expect(
      store?.pool.query("UPDATE store_shifts SET closed_at = NULL WHERE counter_id = 'A'"),
    ).rejects.toThrow(/only ever closed/);
  }, 60_000);

  it('a single counter keeps its own staff and shifts: no roster is kept and the store-wide view says it has no store [R-PHARMACIST]', async () => {
    const single = await startHarness();
    try {
      const token =
        (
          await single.api<{ token: string }>('auth.login', {
            username: admin.username,
            password: admin.password,
          })
        ).value?.token ?? '';
      const created = await single.api(
        'staff.create',
        {
          username: 'zhaolei',
          displayName: '赵磊',
          role: 'cashier',
          password: TEMPORARY,
        },
        token,
      );
      expect(created.ok, created.error?.message).toBe(true);
      expect(single.services.storeStaff).toBeNull();
      const kept = single.services.db
        .prepare("SELECT count(*) FROM settings WHERE key = 'store.roster'")
        .pluck()
        .get();
      expect(kept).toBe(0);
      const view = await single.api('shift.store', {}, token);
      expect(view.error?.message).toContain('单柜台模式');
    } finally {
      await single.close();
    }
  }, 60_000);
});

describe('store server: one active administrator store-wide', () => {
  it('two counters each switching off a different administrator: the first change stands, the store refuses the one that would leave no active administrator, and that counter takes the store’s copy; the database refuses it too [R-PHARMACIST]', async () => {
    await ok<StaffView>(
      'A',
      'staff.create',
      { username: 'guanli2', displayName: '王敏', role: 'admin', password: TEMPORARY },
      adminOf.A,
    );
    await sync('A');
    await sync('B');
    const first = await login('B', 'guanli2', TEMPORARY);
    expect(first.ok, first.error?.message).toBe(true);
    const second = first.value?.token ?? '';
    await ok(
      'B',
      'session.changePassword',
      { oldPassword: TEMPORARY, newPassword: CHOSEN },
      second,
    );
    await sync('B');
    await sync('A');
    const idAt = async (id: 'A' | 'B', token: string, username: string) =>
      (await ok<StaffView[]>(id, 'staff.list', {}, token)).find((s) => s.username === username)?.id;

    // Each counter's own copy still has the other administrator: both changes pass locally.
    await ok('A', 'staff.deactivate', { id: await idAt('A', adminOf.A, 'guanli2') }, adminOf.A);
    await ok('B', 'staff.deactivate', { id: await idAt('B', second, admin.username) }, second);
    // (A change starts a pass at once; these passes make sure both have run.)
    await sync('A');
    await sync('B');

    const admins = await (store as NonNullable<typeof store>).pool.query(
      "SELECT username, active FROM store_staff WHERE role = 'admin' ORDER BY username",
    );
    expect(admins.rows).toEqual([
      { username: admin.username, active: true },
      { username: 'guanli2', active: false },
    ]);
    const localB = at.B.services.db
      .prepare("SELECT username, active FROM staff WHERE role = 'admin' ORDER BY username")
      .all();
    expect(localB).toEqual([
      { username: admin.username, active: 1 },
      { username: 'guanli2', active: 0 },
    ]);
    await expect(
      (store as NonNullable<typeof store>).pool.query(
        "UPDATE store_staff SET active = false WHERE role = 'admin'",
      ),
    ).rejects.toThrow(/须至少保留一名在用的管理员/);
  }, 60_000);
});
