import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ReserveAnswer } from '../../../src/contract/types-store';
import type { StoreClient } from '../../../src/store-link/store-client';
import { migrate, migrationFiles } from '../../../src/store-server/migrate';
import { postgresForThisFile } from './helpers/postgres';
import { clearRegistry, counter, key, packCode, startInProcessStore } from './helpers/store';

const MED = 'XA01ABC0001';
const pg15 = postgresForThisFile();
let store: Awaited<ReturnType<typeof startInProcessStore>>;
let a: StoreClient;
let b: StoreClient;

beforeAll(async () => {
  store = await startInProcessStore(pg15.url());
  a = counter(store.server.url, 'A');
  b = counter(store.server.url, 'B');
});
afterAll(() => store?.stop());
beforeEach(() => clearRegistry(store.pool));

const reserve = (c: StoreClient, code: string, saleRef: string, k = key('r')) =>
  c.call('codes.reserve', { idempotencyKey: k, code, medListCodg: MED, saleRef, reusePack: false });
const confirm = (c: StoreClient, saleRef: string, codes: string[], k = key('c')) =>
  c.call('codes.confirm', {
    idempotencyKey: k,
    saleRef,
    lines: codes.map((code) => ({
      code,
      medListCodg: MED,
      unitsPerPack: null,
      unitsLeft: null,
      reusedUnits: null,
    })),
  });
const liveSales = async (pool: pg.Pool, code: string) =>
  Number(
    (
      await pool.query(
        'SELECT count(*) AS n FROM code_sales WHERE code = $1 AND returned_at IS NULL',
        [code],
      )
    ).rows[0].n,
  );

describe('store server: migrations', () => {
  it('applies its numbered migrations once, in order, recorded in schema_migrations [STORE-MIGRATE]', async () => {
    const files = migrationFiles();
    expect(files.map((f) => f.version)).toEqual(
      [...files.map((f) => f.version)].sort((x, y) => x - y),
    );
    const rows = await store.pool.query('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.rows.map((r) => r.version)).toEqual(files.map((f) => f.version));
    expect(await migrate(store.pool)).toEqual([]);
  });
});

describe('store server: once-only pack codes across counters', () => {
  it('a pack scanned at two counters at the same moment is accepted at exactly one, 200 times [R-TRACE-ONCE][ST-EPC-02-009]', async () => {
    let wonByA = 0;
    for (let round = 0; round < 200; round++) {
      const code = packCode();
      const [ra, rb] = await Promise.all([
        reserve(a, code, `a-${round}`),
        reserve(b, code, `b-${round}`),
      ]);
      const accepted = [ra, rb].filter((r) => r.verdict === 'reserved');
      expect(accepted).toHaveLength(1);
      const loser = (ra.verdict === 'refused' ? ra : rb) as Extract<
        ReserveAnswer,
        { verdict: 'refused' }
      >;
      expect(loser.refusal).toMatchObject({ reason: 'HELD_ELSEWHERE', ruleId: 'R-TRACE-ONCE' });
      expect(loser.refusal.message).toContain('同一盒药品不得重复销售');
      if (ra.verdict === 'reserved') wonByA++;
    }
    const held = await store.pool.query('SELECT count(*) AS n FROM code_reservations');
    expect(Number(held.rows[0].n)).toBe(200);
    // Both counters win some races: the verdict is the database's, not an order of arrival.
    expect(wonByA).toBeGreaterThan(0);
    expect(wonByA).toBeLessThan(200);
  });

  it('a pack sold at one counter is refused at the other with the earlier sale shown [R-TRACE-ONCE][ST-EPC-02-009]', async () => {
    const code = packCode();
    expect((await reserve(a, code, 'a-1')).verdict).toBe('reserved');
    expect((await confirm(a, 'a-1', [code])).verdict).toBe('confirmed');
    const r = await reserve(b, code, 'b-1');
    expect(r.verdict).toBe('refused');
    if (r.verdict !== 'refused') return;
    expect(r.refusal.reason).toBe('ALREADY_SOLD');
    expect(r.refusal.message).toContain(
      '该追溯码已于此前售出，同一盒药品不得重复销售（疑似回流药）',
    );
    expect(r.refusal.earlier).toMatchObject({ counterId: 'A', saleRef: 'a-1', medListCodg: MED });
    expect(r.refusal.citation).not.toMatch(/\b00\d\b/);
    // The refused scan left nothing held at the store.
    const held = await store.pool.query('SELECT count(*) AS n FROM code_reservations');
    expect(Number(held.rows[0].n)).toBe(0);
  });

  it('2 counters × 100 concurrent reservations and completions never sell a pack twice [R-TRACE-ONCE][ST-EPC-02-009]', async () => {
    const codes = Array.from({ length: 120 }, packCode);
    const pick = (i: number, salt: number) => codes[(i * 7 + salt) % codes.length] as string;
    const sale = async (c: StoreClient, i: number, salt: number) => {
      const code = pick(i, salt);
      const ref = `${c.counterId}-${i}`;
      // Every other sale completes without a scan reservation (a reservation lost or expired):
      // then only the live-sale constraint stands between two counters and one pack.
      if (i % 2 === 0) {
        const r = await reserve(c, code, ref);
        if (r.verdict !== 'reserved') return { code, sold: false };
      }
      const done = await confirm(c, ref, [code]);
      return { code, sold: done.verdict === 'confirmed', by: c.counterId };
    };
    const results = await Promise.all([
      ...Array.from({ length: 100 }, (_, i) => sale(a, i, 0)),
      ...Array.from({ length: 100 }, (_, i) => sale(b, i, 3)),
    ]);
    const soldCodes = results.filter((r) => r.sold).map((r) => r.code);
    expect(new Set(soldCodes).size).toBe(soldCodes.length);
    const rows = await store.pool.query(
      'SELECT code, counter_id FROM code_sales WHERE returned_at IS NULL ORDER BY code',
    );
    expect(rows.rows.map((r) => r.code).sort()).toEqual([...soldCodes].sort());
    expect(soldCodes.length).toBeGreaterThan(60);
    const open = await store.pool.query('SELECT count(*) AS n FROM code_reservations');
    expect(Number(open.rows[0].n)).toBe(0);
  });

  it('completion sells every pack or none: one refused pack leaves the others unsold [R-TRACE-ONCE]', async () => {
    const [x, y, z] = [packCode(), packCode(), packCode()];
    for (const c of [x, y, z]) expect((await reserve(a, c, 'a-2')).verdict).toBe('reserved');
    // y is sold at counter B first (A's reservation of it expired and B took it).
    await store.pool.query(
      `UPDATE code_reservations SET reserved_at = now() - interval '2 hours', expires_at = now() - interval '1 hour' WHERE code = $1`,
      [y],
    );
    expect((await reserve(b, y, 'b-2')).verdict).toBe('reserved');
    expect((await confirm(b, 'b-2', [y])).verdict).toBe('confirmed');
    const r = await confirm(a, 'a-2', [x, y, z]);
    expect(r.verdict).toBe('refused');
    if (r.verdict === 'refused')
      expect(r.refusals.map((f) => [f.code, f.reason])).toEqual([[y, 'ALREADY_SOLD']]);
    expect(await liveSales(store.pool, x)).toBe(0);
    expect(await liveSales(store.pool, z)).toBe(0);
  });

  it('the database itself refuses a second live sale of a code, and a returned pack may be sold again [R-TRACE-ONCE]', async () => {
    const code = packCode();
    const insert = (counterId: string) =>
      store.pool.query(
        `INSERT INTO code_sales (code, med_list_codg, counter_id, sale_ref) VALUES ($1, $2, $3, 'direct')`,
        [code, MED, counterId],
      );
    await insert('A');
    await expect(insert('B')).rejects.toMatchObject({
      code: '23505',
      constraint: 'code_sales_live',
    });
    await a.call('codes.return', { idempotencyKey: key('ret'), saleRef: 'direct', codes: [code] });
    expect((await reserve(b, code, 'b-3')).verdict).toBe('reserved');
    expect((await confirm(b, 'b-3', [code])).verdict).toBe('confirmed');
    const all = await store.pool.query(
      'SELECT counter_id, returned_at IS NULL AS live FROM code_sales WHERE code = $1 ORDER BY id',
      [code],
    );
    expect(all.rows).toEqual([
      { counter_id: 'A', live: false },
      { counter_id: 'B', live: true },
    ]);
  });

  it('a released scan frees the pack for the other counter [R-TRACE-ONCE]', async () => {
    const code = packCode();
    expect((await reserve(a, code, 'a-4')).verdict).toBe('reserved');
    expect((await reserve(b, code, 'b-4')).verdict).toBe('refused');
    expect(
      await a.call('codes.release', { idempotencyKey: key('rel'), saleRef: 'a-4', codes: [code] }),
    ).toEqual({ released: 1 });
    expect((await reserve(b, code, 'b-4')).verdict).toBe('reserved');
  });

  it('a code the center refused as sold elsewhere is refused at every counter [R-TRACE-ONCE][ST-EPC-02-009]', async () => {
    const code = packCode();
    await a.call('codes.centerRefused', {
      idempotencyKey: key('cr'),
      code,
      centerMessage: '追溯码已在其他机构销售',
      infno: '7207',
      msgid: 'M0001',
      refusedAt: Date.now(),
    });
    for (const c of [a, b]) {
      const r = await reserve(c, code, `${c.counterId}-5`);
      expect(r.verdict).toBe('refused');
      if (r.verdict === 'refused') {
        expect(r.refusal.reason).toBe('CENTER_REFUSED');
        expect(r.refusal.message).toContain('医保中心已拒收此追溯码');
        expect(r.refusal.message).toContain('追溯码已在其他机构销售');
      }
    }
    const r = await confirm(b, 'b-5', [code]);
    expect(r.verdict).toBe('refused');
  });
});

describe('store server: idempotent mutations', () => {
  it('a retried completion returns the first answer and sells nothing twice, also when both arrive at once [R-TRACE-ONCE][STORE-IDEMPOTENT]', async () => {
    const codes = [packCode(), packCode()];
    for (const c of codes) await reserve(a, c, 'a-6');
    const k = key('confirm');
    const [first, second] = await Promise.all([
      confirm(a, 'a-6', codes, k),
      confirm(a, 'a-6', codes, k),
    ]);
    expect(first).toEqual(second);
    expect(first.verdict).toBe('confirmed');
    const third = await confirm(a, 'a-6', codes, k);
    expect(third).toEqual(first);
    const rows = await store.pool.query(
      'SELECT count(*) AS n FROM code_sales WHERE code = ANY ($1)',
      [codes],
    );
    expect(Number(rows.rows[0].n)).toBe(2);
  });

  it('a retried return returns once, and a key reused for another request is refused [STORE-IDEMPOTENT]', async () => {
    const code = packCode();
    await reserve(a, code, 'a-7');
    await confirm(a, 'a-7', [code]);
    const k = key('ret');
    const once = await a.call('codes.return', { idempotencyKey: k, saleRef: 'a-7', codes: [code] });
    const again = await a.call('codes.return', {
      idempotencyKey: k,
      saleRef: 'a-7',
      codes: [code],
    });
    expect(once).toEqual({ returned: 1 });
    expect(again).toEqual({ returned: 1 });
    await expect(
      a.call('codes.return', { idempotencyKey: k, saleRef: 'a-8', codes: [code] }),
    ).rejects.toMatchObject({ body: { code: 'IDEMPOTENCY_MISMATCH' } });
  });
});
