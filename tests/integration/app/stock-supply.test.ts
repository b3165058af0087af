import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StockChangeView, SupplierView } from '../../../src/contract/types-stock';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { packCodes, registerSupplier } from '../../support/stock-receiving';

const AMOXICILLIN = { code: 'XJ01CAA040A001010100435', productId: '8010371' };
const AMLODIPINE_ID = '8020741';
const INSULIN_ASPART = { code: 'XA10ABD050B002010184032', productId: '8134811' };
const MASK = { code: 'SP-MASK-0001', gtin14: '06922500223014' };
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const cashier = DEMO_STAFF.find((s) => s.role === 'cashier');
if (!pharmacist || !cashier) throw new Error('demo staff missing');

let serial = 0;
const batchNo = () => `SUP${Date.now().toString(36).toUpperCase()}${serial++}`;

describe('receiving from a licensed supplier, cold chain and pack codes, over HTTP to the sandbox', () => {
  let h: Harness;
  let token: string;
  let supplier: SupplierView;

  const call = <T>(method: string, input: unknown, as = token) => h.api<T>(method, input, as);
  const ok = async <T>(method: string, input: unknown, as = token): Promise<T> => {
    const r = await call<T>(method, input, as);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };
  const stored = () => ({
    batches: h.services.db.prepare('SELECT count(*) FROM stock_batches').pluck().get(),
    receipts: h.services.db.prepare('SELECT count(*) FROM stock_receipts').pluck().get(),
    codes: h.services.db.prepare('SELECT count(*) FROM stock_pack_codes').pluck().get(),
    outbox: h.services.db.prepare('SELECT count(*) FROM outbox').pluck().get(),
  });
  const amoxicillin = (over: Record<string, unknown> = {}) => ({
    medListCodg: AMOXICILLIN.code,
    batchNo: batchNo(),
    expiry: '2028-06-30',
    manufactureDate: '2026-01-15',
    packs: 3,
    supplierId: supplier.id,
    codes: packCodes(AMOXICILLIN.productId, 3),
    ...over,
  });
  const atCenter = async (infno: string, bchno: string) => {
    const res = await fetch(
      `${h.sandboxUrl}/x/sandbox/inventory?infno=${infno}&fixmedins_bchno=${bchno}`,
    );
    return ((await res.json()) as { records: { record: Record<string, unknown> }[] }).records;
  };

  beforeAll(async () => {
    h = await startHarness();
    await h.services.worker.stop();
    const login = await h.api<{ token: string }>('auth.login', {
      username: pharmacist.username,
      password: pharmacist.password,
    });
    token = login.value?.token ?? '';
    supplier = await registerSupplier(h, token);
  });
  afterAll(async () => {
    await h.close();
  });

  it('refuses receiving from an unregistered supplier, a stopped one or one whose licence has expired; nothing is stored or queued [R-SUPPLY]', async () => {
    const expired = await registerSupplier(h, token, { licenceValidUntil: '2020-12-31' });
    expect(expired.mayDeliver).toBe(false);
    const stopped = await registerSupplier(h, token, { active: false });
    const before = stored();
    for (const [supplierId, words] of [
      [999_999, '请选择已登记资质的供应商'],
      [expired.id, `许可证（${expired.licenceNo}）已于 2020-12-31 过期，不能入库`],
      [stopped.id, '已停用'],
    ] as const) {
      const r = await call('stock.receive', amoxicillin({ supplierId }));
      expect(r.error, String(supplierId)).toMatchObject({ code: 'POLICY', ruleId: 'R-SUPPLY' });
      expect(r.error?.message).toContain(words);
      expect(r.error?.citation).toContain('辽医保办发〔2023〕1号 §二(三)');
      expect(r.error?.citation).not.toMatch(/\b00\d\b/);
    }
    expect(stored()).toEqual(before);

    const renewed = await ok<SupplierView>('stock.saveSupplier', {
      id: expired.id,
      name: expired.name,
      licenceNo: expired.licenceNo,
      licenceValidUntil: '2030-12-31',
      active: true,
    });
    expect(renewed.mayDeliver).toBe(true);
    const b = await ok<StockChangeView>('stock.receive', amoxicillin({ supplierId: expired.id }));
    await h.services.worker.sendNow();
    const [rec] = await atCenter('3503', b.batchNo);
    expect(rec?.record).toMatchObject({ spler_name: expired.name, spler_pmtno: expired.licenceNo });
  });

  it('the database refuses a receipt whose supplier licence had expired on the day, and a receipt is never rewritten [R-SUPPLY][R-STOCK]', async () => {
    const b = await ok<StockChangeView>('stock.receive', amoxicillin());
    const db = h.services.db;
    const insert = () =>
      db
        .prepare(
          `INSERT INTO stock_receipts (batch_id, supplier_id, supplier_name, licence_no,
             licence_valid_until, received_on, packs, cold_chain, received_by, received_at)
           VALUES (?, ?, 'x', 'L-1', '2026-01-01', '2026-01-02', 1, 0, 1, 0)`,
        )
        .run(b.batchId, supplier.id);
    expect(insert).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare('UPDATE stock_receipts SET licence_no = ? ').run('X')).toThrow(
      /入库记录不能修改/,
    );
    expect(() => db.prepare('DELETE FROM stock_receipts').run()).toThrow(/入库记录不能删除/);
  });

  it('a cashier cannot register suppliers [R-SUPPLY]', async () => {
    const login = await h.api<{ token: string }>('auth.login', {
      username: cashier.username,
      password: cashier.password,
    });
    const r = await call(
      'stock.saveSupplier',
      {
        name: '收银员登记的供应商',
        licenceNo: 'X1',
        licenceValidUntil: '2030-01-01',
        active: true,
      },
      login.value?.token ?? '',
    );
    expect(r.error).toMatchObject({ code: 'FORBIDDEN', ruleId: 'R-SUPPLY' });
  });

  it('a cold-chain drug is refused without its storage record or when it arrived outside 2–8℃; with it, the record is kept and the 3503 states it [R-SUPPLY]', async () => {
    const insulin = (coldChain?: object) => ({
      medListCodg: INSULIN_ASPART.code,
      batchNo: batchNo(),
      expiry: '2028-03-31',
      manufactureDate: '2026-01-10',
      packs: 2,
      supplierId: supplier.id,
      codes: packCodes(INSULIN_ASPART.productId, 2),
      ...(coldChain ? { coldChain } : {}),
    });
    const before = stored();
    const missing = await call('stock.receive', insulin());
    expect(missing.error).toMatchObject({ code: 'POLICY', ruleId: 'R-SUPPLY' });
    expect(missing.error?.message).toContain('是冷链药品（2–8℃），入库须登记到货温度和存放位置');
    const warm = await call(
      'stock.receive',
      insulin({ arrivalTempC: 12, storagePlace: '冷藏柜 2' }),
    );
    expect(warm.error?.message).toContain('到货温度 12℃ 超出冷链范围 2–8℃');
    expect(stored()).toEqual(before);

    const b = await ok<StockChangeView>(
      'stock.receive',
      insulin({ arrivalTempC: 4.5, storagePlace: '冷藏柜 2' }),
    );
    const kept = h.services.db
      .prepare(
        'SELECT cold_chain, arrival_temp_c, storage_place FROM stock_receipts WHERE batch_id = ?',
      )
      .get(b.batchId);
    expect(kept).toEqual({ cold_chain: 1, arrival_temp_c: 4.5, storage_place: '冷藏柜 2' });
    await h.services.worker.sendNow();
    const [rec] = await atCenter('3503', b.batchNo);
    expect(rec?.record.memo).toBe('冷链：到货温度 4.5℃，存放于冷藏柜 2');
  });

  it('a traced drug is received only with one code of its own per pack, none already in stock [R-STOCK][R-TRACE][R-TRACE-ONCE]', async () => {
    const before = stored();
    const short = await call(
      'stock.receive',
      amoxicillin({ codes: packCodes(AMOXICILLIN.productId, 2) }),
    );
    expect(short.error).toMatchObject({ code: 'POLICY', ruleId: 'R-STOCK' });
    expect(short.error?.message).toContain('须逐盒扫追溯码 3 个（已扫 2 个）');
    const none = await call('stock.receive', amoxicillin({ codes: [] }));
    expect(none.error?.ruleId).toBe('R-STOCK');
    const foreign = await call(
      'stock.receive',
      amoxicillin({
        codes: [...packCodes(AMOXICILLIN.productId, 2), ...packCodes(AMLODIPINE_ID, 1)],
      }),
    );
    expect(foreign.error).toMatchObject({ code: 'POLICY', ruleId: 'R-TRACE' });
    expect(foreign.error?.message).toContain('不是「阿莫西林胶囊」的包装');
    expect(stored()).toEqual(before);

    const first = await ok<StockChangeView>('stock.receive', amoxicillin());
    const codes = h.services.db
      .prepare('SELECT pack_key FROM stock_pack_codes WHERE batch_id = ?')
      .pluck()
      .all(first.batchId) as string[];
    const again = await call(
      'stock.receive',
      amoxicillin({ codes: [codes[0], ...packCodes(AMOXICILLIN.productId, 2)] }),
    );
    expect(again.error).toMatchObject({ code: 'POLICY', ruleId: 'R-TRACE-ONCE' });
    expect(again.error?.message).toContain(
      `追溯码 ${codes[0]} 已在库存中（批号 ${first.batchNo}）`,
    );
  });

  it('a return names the packs sent back, which must be on hand in that batch, and the stocktake names the packs still on hand [R-STOCK]', async () => {
    const codes = packCodes(AMOXICILLIN.productId, 4);
    const b = await ok<StockChangeView>('stock.receive', amoxicillin({ packs: 4, codes }));
    const noCodes = await call('stock.returnToSupplier', {
      batchId: b.batchId,
      packs: 1,
      reason: '破损',
      codes: [],
    });
    expect(noCodes.error).toMatchObject({ code: 'POLICY', ruleId: 'R-STOCK' });
    const stranger = packCodes(AMOXICILLIN.productId, 1)[0] ?? '';
    const notHere = await call('stock.returnToSupplier', {
      batchId: b.batchId,
      packs: 1,
      reason: '破损',
      codes: [stranger],
    });
    expect(notHere.error?.message).toContain(`追溯码 ${stranger} 不是批号 ${b.batchNo} 在库的包装`);
    const r = await ok<StockChangeView>('stock.returnToSupplier', {
      batchId: b.batchId,
      packs: 1,
      reason: '破损',
      codes: [codes[0]],
    });
    expect(r.packsOnHand).toBe(3);
    const twice = await call('stock.returnToSupplier', {
      batchId: b.batchId,
      packs: 1,
      reason: '破损',
      codes: [codes[0]],
    });
    expect(twice.error?.ruleId).toBe('R-STOCK');

    const t = await ok<{ msgid: string }>('stock.stocktake', {});
    await h.services.worker.sendNow();
    expect(h.services.outbox.findByMsgid(t.msgid)?.status).toBe('delivered');
    const [rec] = await atCenter('3501', b.batchNo);
    expect(rec?.record.drugtracinfo).toEqual(
      codes.slice(1).map((drug_trac_codg) => ({ drug_trac_codg })),
    );
  });

  it('a consumable the catalog marks traced is received like a drug: one GS1 code per pack, uploaded [R-STOCK][R-TRACE]', async () => {
    const lot = Date.now().toString(36).toUpperCase();
    const udi = (n: number) => `01${MASK.gtin14}21MASK${lot}${n}`;
    const mask = (codes: string[]) => ({
      medListCodg: MASK.code,
      batchNo: batchNo(),
      expiry: '2029-12-31',
      manufactureDate: '2026-01-01',
      packs: 2,
      supplierId: supplier.id,
      codes,
    });
    const without = await call('stock.receive', mask([]));
    expect(without.error).toMatchObject({ code: 'POLICY', ruleId: 'R-STOCK' });
    const b = await ok<StockChangeView>('stock.receive', mask([udi(1), udi(2)]));
    await h.services.worker.sendNow();
    const [rec] = await atCenter('3503', b.batchNo);
    expect(rec?.record.drugtracinfo).toEqual([
      { drug_trac_codg: udi(1) },
      { drug_trac_codg: udi(2) },
    ]);
  });
});
