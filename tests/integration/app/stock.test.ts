import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StockItemView } from '../../../src/contract/types-dispense';
import type { StocktakeView } from '../../../src/contract/types-settlement';
import type {
  StockChangeView,
  StockUploadView,
  SupplierView,
} from '../../../src/contract/types-stock';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { packCodes, registerSupplier } from '../../support/stock-receiving';

const AMOXICILLIN = 'XJ01CAA040A001010100435';
const AMOXICILLIN_ID = '8010371';
const AMLODIPINE = 'XC08CAA010A001010201587';
const IBUPROFEN = 'XM01AEB010E001020104466';
const IBUPROFEN_ID = '8051851';
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const cashier = DEMO_STAFF.find((s) => s.role === 'cashier');
if (!pharmacist || !cashier) throw new Error('demo staff missing');

interface CenterRecord {
  infno: string;
  msgid: string;
  fixmedins_bchno: string;
  cnt: number;
  record: Record<string, unknown>;
}

let serial = 0;
const batchNo = () => `ST${Date.now().toString(36).toUpperCase()}${serial++}`;

describe('stock screens: receipts, returns, changes and stocktake with their uploads over HTTP', () => {
  let h: Harness;
  let token: string;
  let supplier: SupplierView;

  const call = async <T>(method: string, input: unknown, as = token) => h.api<T>(method, input, as);
  const ok = async <T>(method: string, input: unknown, as = token): Promise<T> => {
    const r = await call<T>(method, input, as);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };
  const atCenter = async (infno: string, bchno?: string) => {
    const q = `infno=${infno}${bchno ? `&fixmedins_bchno=${bchno}` : ''}`;
    const res = await fetch(`${h.sandboxUrl}/x/sandbox/inventory?${q}`);
    return ((await res.json()) as { records: CenterRecord[] }).records;
  };
  const upload = async (msgid: string) =>
    (await ok<StockUploadView[]>('stock.uploads', {})).find((u) => u.msgid === msgid);
  const counts = () => ({
    outbox: h.services.db.prepare('SELECT count(*) FROM outbox').pluck().get(),
    links: h.services.db.prepare('SELECT count(*) FROM sale_uploads').pluck().get(),
    batches: h.services.db.prepare('SELECT count(*) FROM stock_batches').pluck().get(),
    receipts: h.services.db.prepare('SELECT count(*) FROM stock_receipts').pluck().get(),
    codes: h.services.db
      .prepare('SELECT count(*) FROM stock_pack_codes WHERE returned_at IS NULL')
      .pluck()
      .get(),
  });
  const receive = async (no: string, packs = 10, as = token) => {
    const codes = packCodes(AMOXICILLIN_ID, packs);
    const b = await ok<StockChangeView>(
      'stock.receive',
      {
        medListCodg: AMOXICILLIN,
        batchNo: no,
        expiry: '2028-06-30',
        packs,
        supplierId: supplier.id,
        codes,
        invoiceNo: 'FP20260001',
        deliveryNo: 'SH-0001',
        manufactureDate: '2026-01-15',
        unitPrice: 9.8,
      },
      as,
    );
    return { ...b, codes };
  };

  beforeAll(async () => {
    h = await startHarness();
    await h.services.worker.stop();
    const login = await h.api<{ token: string }>('auth.login', {
      username: pharmacist.username,
      password: pharmacist.password,
    });
    token = login.value?.token ?? '';
    supplier = await registerSupplier(h, token, { licenceNo: '沪AA0210001' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('进货 writes the batch and queues a 3503 that the center receives with supplier, licence, invoice and every pack code [R-STOCK][R-SALES-UP][R-SUPPLY]', async () => {
    const no = batchNo();
    const b = await receive(no, 12);
    expect(b).toMatchObject({ batchNo: no, packsOnHand: 12, expired: false });
    expect(b.upload).toMatchObject({ infno: '3503', state: 'queued', label: '商品采购（3503）' });
    expect(b.upload.summary).toContain('进货 12 盒');

    await h.services.worker.sendNow();
    expect((await upload(b.upload.msgid))?.state).toBe('delivered');
    const [rec] = await atCenter('3503', no);
    expect(rec?.msgid).toBe(b.upload.msgid);
    expect(rec?.record).toMatchObject({
      med_list_codg: AMOXICILLIN,
      fixmedins_bchno: no,
      spler_name: supplier.name,
      spler_pmtno: '沪AA0210001',
      purc_invce_no: 'FP20260001',
      dynt_no: 'SH-0001',
      manu_date: '2026-01-15',
      expy_end: '2028-06-30',
      finl_trns_pric: 9.8,
      purc_retn_cnt: 12,
      drugtracinfo: b.codes.map((c) => ({ drug_trac_codg: c })),
    });
    const list = await ok<StockItemView[]>('stock.list', {});
    const listed = list.find((i) => i.medListCodg === AMOXICILLIN)?.batches;
    expect(listed?.find((x) => x.batchNo === no)?.packsOnHand).toBe(12);
  });

  it('退货 takes packs off the batch and queues a 3504 naming the purchase supplier and the returned packs [R-STOCK][R-SALES-UP]', async () => {
    const no = batchNo();
    const b = await receive(no, 10);
    const r = await ok<StockChangeView>('stock.returnToSupplier', {
      batchId: b.batchId,
      packs: 4,
      reason: '外包装破损',
      codes: b.codes.slice(0, 4),
    });
    expect(r.packsOnHand).toBe(6);
    expect(r.upload).toMatchObject({ infno: '3504', state: 'queued' });

    const tooMany = await call('stock.returnToSupplier', {
      batchId: b.batchId,
      packs: 7,
      reason: '超量',
      codes: b.codes.slice(3),
    });
    expect(tooMany.error).toMatchObject({ code: 'CONFLICT', ruleId: 'R-STOCK' });
    expect(tooMany.error?.message).toContain('现有 6 盒');

    await h.services.worker.sendNow();
    expect((await upload(r.upload.msgid))?.state).toBe('delivered');
    const [rec] = await atCenter('3504', no);
    expect(rec?.record).toMatchObject({
      spler_name: supplier.name,
      spler_pmtno: '沪AA0210001',
      finl_trns_pric: 9.8,
      purc_retn_cnt: 4,
      memo: '外包装破损',
      drugtracinfo: b.codes.slice(0, 4).map((c) => ({ drug_trac_codg: c })),
    });
  });

  it('报损/报溢 change the batch and queue a 3502 each; a contradicting sign is refused [R-STOCK][R-SALES-UP]', async () => {
    const no = batchNo();
    const b = await receive(no, 10);
    const loss = await ok<StockChangeView>('stock.adjust', {
      batchId: b.batchId,
      deltaPacks: -2,
      reason: '报损',
      memo: '受潮',
      codes: b.codes.slice(0, 2),
    });
    expect(loss.packsOnHand).toBe(8);
    const gain = await ok<StockChangeView>('stock.adjust', {
      batchId: b.batchId,
      deltaPacks: 3,
      reason: '报溢',
    });
    expect(gain.packsOnHand).toBe(11);
    const wrong = await call('stock.adjust', { batchId: b.batchId, deltaPacks: 1, reason: '报损' });
    expect(wrong.error).toMatchObject({ code: 'VALIDATION', ruleId: 'R-STOCK' });
    const zero = await call('stock.adjust', { batchId: b.batchId, deltaPacks: 0, reason: '报溢' });
    expect(zero.error?.code).toBe('VALIDATION');

    await h.services.worker.sendNow();
    const recs = await atCenter('3502', no);
    expect(recs.map((r) => [r.record.inv_chg_type, r.record.cnt, r.record.memo])).toEqual([
      ['105', 2, '报损：受潮'],
      ['106', 3, '报溢'],
    ]);
    expect((await upload(loss.upload.msgid))?.summary).toContain('报损 2 盒');
  });

  it('报损 names every lost pack’s code on its 3502; without them, or with a pack not on hand, it is refused and nothing changes [R-STOCK][R-TRACE-ONCE]', async () => {
    const no = batchNo();
    const b = await receive(no, 6);
    const before = counts();
    const none = await call('stock.adjust', { batchId: b.batchId, deltaPacks: -2, reason: '报损' });
    expect(none.error).toMatchObject({ code: 'POLICY', ruleId: 'R-STOCK' });
    expect(none.error?.message).toContain('须逐盒扫追溯码 2 个');
    const stranger = await call('stock.adjust', {
      batchId: b.batchId,
      deltaPacks: -1,
      reason: '报损',
      codes: packCodes(AMOXICILLIN_ID, 1),
    });
    expect(stranger.error).toMatchObject({ code: 'POLICY', ruleId: 'R-STOCK' });
    expect(counts()).toEqual(before);

    const lost = b.codes.slice(0, 2);
    const loss = await ok<StockChangeView>('stock.adjust', {
      batchId: b.batchId,
      deltaPacks: -2,
      reason: '报损',
      memo: '破损',
      codes: lost,
    });
    expect(loss.packsOnHand).toBe(4);
    const onHand = h.services.db
      .prepare('SELECT pack_key FROM stock_pack_codes WHERE batch_id = ? AND returned_at IS NULL')
      .pluck()
      .all(b.batchId);
    expect(onHand).toEqual(b.codes.slice(2));
    const again = await call('stock.adjust', {
      batchId: b.batchId,
      deltaPacks: -1,
      reason: '报损',
      codes: lost.slice(0, 1),
    });
    expect(again.error).toMatchObject({ code: 'CONFLICT', ruleId: 'R-STOCK' });

    await h.services.worker.sendNow();
    const [rec] = await atCenter('3502', no);
    expect(rec?.record.inv_chg_type).toBe('105');
    expect(rec?.record.drugtracinfo).toEqual(lost.map((c) => ({ drug_trac_codg: c })));
  });

  it('a pack reported lost can never be sold afterwards: the counter sale refuses its code [R-TRACE-ONCE][R-STOCK]', async () => {
    const codes = packCodes(IBUPROFEN_ID, 3);
    const b = await ok<StockChangeView>('stock.receive', {
      medListCodg: IBUPROFEN,
      batchNo: batchNo(),
      expiry: '2028-06-30',
      packs: 3,
      supplierId: supplier.id,
      codes,
    });
    const [lost, kept] = codes as [string, string];
    await ok('stock.adjust', { batchId: b.batchId, deltaPacks: -1, reason: '报损', codes: [lost] });
    const sale = await call('sale.selfPay', { items: [{ medListCodg: IBUPROFEN, codes: [lost] }] });
    expect(sale.error).toMatchObject({ code: 'POLICY', ruleId: 'R-TRACE-ONCE' });
    expect(sale.error?.message).toContain('报损出库');
    const fine = await call('sale.selfPay', { items: [{ medListCodg: IBUPROFEN, codes: [kept] }] });
    expect(fine.ok, fine.error?.message).toBe(true);
  });

  it('a return reason or adjustment note holding a scanned trace code is refused; the batch is unchanged [R-STOCK][issue19-5]', async () => {
    const no = batchNo();
    const b = await receive(no, 10);
    const ret = await call('stock.returnToSupplier', {
      batchId: b.batchId,
      packs: 1,
      reason: `破损${'8'.repeat(20)}`,
      codes: b.codes.slice(0, 1),
    });
    expect(ret.error).toMatchObject({ code: 'VALIDATION', ruleId: 'R-STOCK' });
    expect(ret.error?.message).toContain('退货原因');
    const adj = await call('stock.adjust', {
      batchId: b.batchId,
      deltaPacks: -1,
      reason: '报损',
      memo: '0106901500011739\u001d21ABC123',
    });
    expect(adj.error).toMatchObject({ code: 'VALIDATION', ruleId: 'R-STOCK' });
    const list = await ok<StockItemView[]>('stock.list', {});
    const listed = list.find((i) => i.medListCodg === AMOXICILLIN)?.batches;
    expect(listed?.find((x) => x.batchNo === no)?.packsOnHand).toBe(10);
    expect(await atCenter('3504', no)).toEqual([]);
  });

  it('盘存上传 queues one 3501 of every batch on hand and it shows in the stock uploads [R-STOCK][R-SALES-UP]', async () => {
    const t = await ok<StocktakeView>('stock.stocktake', {});
    expect(t.state).toBe('queued');
    const listed = await upload(t.msgid);
    expect(listed).toMatchObject({ infno: '3501', label: '商品盘存上传（3501）', state: 'queued' });
    await h.services.worker.sendNow();
    expect((await upload(t.msgid))?.state).toBe('delivered');
    const recs = (await atCenter('3501')).filter((r) => r.msgid === t.msgid);
    expect(recs.length).toBe(t.batches);
  });

  it('a batch received before pack codes were recorded is listed as 无追溯码批次, its 3501 says so and is taken; its packs sell only by scanning each code, which the 3505 names [R-STOCK][R-TRACE]', async () => {
    const no = batchNo();
    // stock from before codes were recorded on receiving: a batch row and nothing else
    const batchId = Number(
      h.services.db
        .prepare(
          `INSERT INTO stock_batches (med_list_codg, batch_no, expiry, packs_received,
             packs_on_hand, received_by, received_at) VALUES (?, ?, '2027-01-01', 4, 4, 1, ?)`,
        )
        .run(IBUPROFEN, no, Date.now()).lastInsertRowid,
    );
    const t = await ok<StocktakeView>('stock.stocktake', {});
    expect(t.untraced).toContainEqual({
      batchId,
      batchNo: no,
      genname: '布洛芬缓释胶囊',
      packsOnHand: 4,
    });
    await h.services.worker.sendNow();
    expect((await upload(t.msgid))?.state).toBe('delivered');
    const [rec] = (await atCenter('3501', no)).filter((r) => r.msgid === t.msgid);
    expect(rec?.record).toMatchObject({ x_untraced: '1', inv_cnt: 4 });

    const unscanned = await call('sale.selfPay', {
      items: [{ medListCodg: IBUPROFEN, codes: [] }],
    });
    expect(unscanned.ok).toBe(false);
    const [code] = packCodes(IBUPROFEN_ID, 1) as [string];
    const sale = await ok<{ saleId: number }>('sale.selfPay', {
      items: [{ medListCodg: IBUPROFEN, codes: [code] }],
    });
    const packs = h.services.db
      .prepare('SELECT packs_on_hand FROM stock_batches WHERE id = ?')
      .pluck()
      .get(batchId);
    expect(packs).toBe(3);
    await h.services.worker.sendNow();
    const up = await ok<{ uploads: Array<{ infno: string; msgid: string }> }>('uploads.forSale', {
      saleId: sale.saleId,
    });
    const msgid = up.uploads.find((u) => u.infno === '3505')?.msgid;
    const sold = (await atCenter('3505', no)).find((r) => r.msgid === msgid);
    expect(sold?.record.drugtracinfo).toEqual([{ drug_trac_codg: code }]);
  });

  it('the local change and its outbox row commit together: a failure after the local write leaves neither [R-STOCK][R-SALES-UP]', async () => {
    const b = await receive(batchNo(), 10);
    const db = h.services.db;
    db.exec(`CREATE TEMP TRIGGER fail_stock_upload BEFORE INSERT ON outbox
      WHEN NEW.infno IN ('3502', '3503', '3504')
      BEGIN SELECT RAISE(ABORT, 'injected failure after the local write'); END`);
    try {
      const before = counts();
      const adj = await call('stock.adjust', {
        batchId: b.batchId,
        deltaPacks: -3,
        reason: '报损',
        codes: b.codes.slice(5, 8),
      });
      expect(adj.ok).toBe(false);
      const ret = await call('stock.returnToSupplier', {
        batchId: b.batchId,
        packs: 2,
        reason: '近效期',
        codes: b.codes.slice(0, 2),
      });
      expect(ret.ok).toBe(false);
      const gain = await call('stock.adjust', {
        batchId: b.batchId,
        deltaPacks: 5,
        reason: '报溢',
      });
      expect(gain.ok).toBe(false);
      const fresh = batchNo();
      const rec = await call('stock.receive', {
        medListCodg: AMLODIPINE,
        batchNo: fresh,
        expiry: '2028-01-31',
        packs: 5,
        supplierId: supplier.id,
        codes: packCodes('8020741', 5),
      });
      expect(rec.ok).toBe(false);
      expect(counts()).toEqual(before);
      const packs = db
        .prepare('SELECT packs_on_hand FROM stock_batches WHERE id = ?')
        .pluck()
        .get(b.batchId);
      expect(packs).toBe(10);
      const none = db.prepare('SELECT count(*) FROM stock_batches WHERE batch_no = ?').pluck();
      expect(none.get(fresh)).toBe(0);
    } finally {
      db.exec('DROP TRIGGER temp.fail_stock_upload');
    }
    const after = await ok<StockChangeView>('stock.adjust', {
      batchId: b.batchId,
      deltaPacks: -3,
      reason: '报损',
      codes: b.codes.slice(5, 8),
    });
    expect(after.packsOnHand).toBe(7);
  });

  it("a failed business result parks the upload with the center's words; the stock change stays and nothing is lost [R-STOCK][R-SALES-UP]", async () => {
    await h.services.worker.sendNow();
    const no = batchNo();
    const b = await receive(no, 8);
    const adj = await ok<StockChangeView>('stock.adjust', {
      batchId: b.batchId,
      deltaPacks: -1,
      reason: '报损',
      codes: b.codes.slice(0, 1),
    });
    // The center answers the purchase with infcode 0 and retRslt "0".
    await h.fault({ target: '3503', kind: 'bizfail', times: 1 });

    await h.services.worker.sendNow();
    const parked = await upload(b.upload.msgid);
    expect(parked).toMatchObject({ state: 'parked', stateLabel: '被拒收，待人工处理' });
    expect(parked?.lastError).toMatch(/医保中心业务处理未成功：沙箱故障注入/);
    // held back behind the parked purchase of the same batch, still queued, not dropped
    expect((await upload(adj.upload.msgid))?.state).toBe('queued');
    expect(await atCenter('3503', no)).toEqual([]);
    const list = await ok<StockItemView[]>('stock.list', {});
    const batch = list.flatMap((i) => i.batches).find((x) => x.batchId === b.batchId);
    expect(batch?.packsOnHand).toBe(7);
    const item = h.services.outbox.findByMsgid(b.upload.msgid);
    expect(item?.status).toBe('parked');
  });
});
