import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreAuditListView } from '../../../src/contract/types-audit';
import { formatBeijingDateTime } from '../../../src/domain/policy/beijing-time';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { StoreUnreachableError } from '../../../src/store-link/store-client';
import { createPool } from '../../../src/store-server/database';
import { type Harness, startHarness } from '../../support/app-harness';
import { postgresForThisFile } from './helpers/postgres';
import { COUNTERS, spawnStoreServer } from './helpers/store';
import { freePort } from './helpers/store-counters';

/**
 * The store-wide audit trail (issue 17, R-KEEP): each counter's audit_log is its queue, the
 * store keeps every entry once per (counter, seq), also when the store server is killed
 * (SIGKILL) in the middle of a delivery pass, and an inspector reads every counter's entries
 * from any counter.
 */
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const admin = DEMO_STAFF.find((s) => s.role === 'admin');
if (!pharmacist || !admin) throw new Error('demo data missing');
const ID_NUMBER = '500103198604123028';
const PHONE = '13812345678';

const pg15 = postgresForThisFile();
let pool: ReturnType<typeof createPool>;
let port = 0;
let child: ChildProcess | undefined;
let url = '';
const counters: Record<'A' | 'B', Harness> = {} as never;

async function start(): Promise<void> {
  const s = await spawnStoreServer(pg15.url(), port);
  child = s.child;
  url = s.url;
}
function kill(): Promise<void> {
  const c = child;
  child = undefined;
  if (!c || c.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    c.once('exit', () => resolve());
    c.kill('SIGKILL');
  });
}
const today = () => formatBeijingDateTime(new Date()).slice(0, 10);
const delivery = (id: 'A' | 'B') => {
  const d = counters[id].services.audit.toStore;
  if (!d) throw new Error('store mode expected');
  return d;
};
const localHead = (id: 'A' | 'B') =>
  counters[id].services.db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;
const storedAt = async (id: 'A' | 'B') =>
  (
    await pool.query(
      `SELECT count(*)::int AS n, count(DISTINCT local_seq)::int AS d,
         coalesce(max(local_seq), 0)::int AS head FROM store_audit WHERE counter_id = $1`,
      [id],
    )
  ).rows[0] as { n: number; d: number; head: number };
/** Entries written at the counter as its own calls write them (details masked by the writer). */
function writeEntries(id: 'A' | 'B', n: number): void {
  for (let i = 0; i < n; i++) {
    counters[id].services.audit.record({
      action: 'auth.login',
      outcome: 'refused',
      username: `nobody${i}`,
      detail: { note: `患者 ${ID_NUMBER} 电话 ${PHONE}`, i },
    });
  }
}

beforeAll(async () => {
  pool = createPool(pg15.url(), 4);
  port = await freePort();
  await start();
  for (const id of ['A', 'B'] as const) {
    counters[id] = await startHarness({
      store: { mode: 'counter', url, counterId: id, secret: COUNTERS.get(id) ?? '' },
    });
    // Each delivery pass is driven by the test (deliverNow), not by its timer.
    await counters[id].services.audit.toStore?.stop();
  }
}, 120_000);
afterAll(async () => {
  for (const h of Object.values(counters)) await h?.close();
  await kill();
  await pool?.end();
});

describe('store server: the audit trail of every counter', () => {
  it('a delivery pass cut off by SIGKILL of the store server is resumed after the restart and stores each entry exactly once [R-KEEP][STORE-CRASH]', async () => {
    writeEntries('A', 50);
    const t0 = performance.now();
    await delivery('A').deliverNow();
    const warm = performance.now() - t0;
    expect(await storedAt('A')).toEqual({
      n: localHead('A'),
      d: localHead('A'),
      head: localHead('A'),
    });

    const rounds = 6;
    let cutOff = 0;
    for (let round = 1; round <= rounds; round++) {
      writeEntries('A', 450);
      const pass = delivery('A')
        .deliverNow()
        .then(
          (a) => a,
          (e: unknown) => e,
        );
      // Kill before, during and after the pass's three batches.
      await new Promise((r) => setTimeout(r, (warm * 9 * (round - 1)) / (rounds - 1)));
      await kill();
      if ((await pass) instanceof StoreUnreachableError) cutOff++;
      await start();
      const resumed = await delivery('A').deliverNow();
      const stored = await storedAt('A');
      expect(stored).toEqual({ n: localHead('A'), d: localHead('A'), head: localHead('A') });
      // The next pass starts at the store's cursor: nothing is sent twice once stored.
      expect(resumed.recorded).toBe(resumed.sent);
    }
    expect(cutOff).toBeGreaterThan(0);
    // A pass with nothing new sends nothing.
    expect(await delivery('A').deliverNow()).toEqual({ sent: 0, recorded: 0 });
  }, 300_000);

  it('an inspector at counter B reads both counters’ entries for a period, filtered by counter and action, masked as at the counter, and the store refuses to change them [R-KEEP]', async () => {
    writeEntries('B', 3);
    await delivery('A').deliverNow();
    await delivery('B').deliverNow();
    expect((await storedAt('B')).head).toBe(localHead('B'));

    const login = await counters.B.api<{ token: string }>('auth.login', {
      username: admin.username,
      password: admin.password,
    });
    const token = login.value?.token ?? '';
    const read = async (input: Record<string, unknown>) => {
      const r = await counters.B.api<StoreAuditListView>('audit.store', input, token);
      expect(r.ok, r.error?.message).toBe(true);
      return r.value as StoreAuditListView;
    };
    const day = today();
    const all = await read({ from: day, to: day, pageSize: 200 });
    expect(all.total).toBe(localHead('A') + (await storedAt('B')).n);
    expect(new Set(all.entries.map((e) => e.counterId))).toEqual(new Set(['A', 'B']));

    const onlyA = await read({ from: day, to: day, counterId: 'A', action: 'auth.login' });
    expect(onlyA.total).toBeGreaterThan(0);
    expect(onlyA.entries.every((e) => e.counterId === 'A' && e.action === 'auth.login')).toBe(true);
    expect(onlyA.entries[0]?.actionLabel).toBe('登录');
    // Newest first; each entry is the counter's own, hash and all.
    const newest = onlyA.entries[0];
    const local = counters.A.services.db
      .prepare('SELECT seq, hash, detail FROM audit_log WHERE seq = ?')
      .get(newest?.seq) as { seq: number; hash: string; detail: string };
    expect(newest).toMatchObject({ seq: local.seq, hash: local.hash });
    expect(newest?.detail).toEqual(JSON.parse(local.detail));
    const text = JSON.stringify(all.entries);
    expect(text).not.toContain(ID_NUMBER);
    expect(text).not.toContain(PHONE);

    const before = await read({ from: '2020-01-01', to: '2020-01-31' });
    expect(before.total).toBe(0);

    await expect(
      pool.query("UPDATE store_audit SET outcome = 'ok' WHERE counter_id = 'A'"),
    ).rejects.toThrow(/append-only/);
    await expect(pool.query("DELETE FROM store_audit WHERE counter_id = 'B'")).rejects.toThrow(
      /append-only/,
    );
  }, 120_000);
});
