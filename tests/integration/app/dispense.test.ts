import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrescriptionView, RxCandidate } from '../../../src/contract/types';
import type {
  DispensingView,
  GuidanceView,
  HistoryView,
  ScanVerdict,
  StockItemView,
} from '../../../src/contract/types-dispense';
import { createPrescription } from '../../../src/sandbox/hospital/create-prescription';
import type { DrugOrder } from '../../../src/sandbox/hospital/drug-lines';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import type { ReviewGate } from '../../../src/services/dispense/review-gate';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { packCodes, registerSupplier } from '../../support/stock-receiving';

const AMOXICILLIN = 'XJ01CAA040A001010100435';
const AMLODIPINE = 'XC08CAA010A001010201587';
const METFORMIN = 'XA10BAA115A001010104107';
const ATORVASTATIN = 'XC10AAA050A001010103356';

const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const [zhang, li, wang] = DEMO_PATIENTS;
if (!pharmacist || !zhang || !li || !wang) throw new Error('demo data missing');

/** Test double of the review area's gate: passes exactly the prescriptions a test marks. */
function reviewDouble() {
  const passed = new Set<string>();
  const gate: ReviewGate = {
    isReviewPassed: (hiRxno) =>
      passed.has(hiRxno)
        ? { passed: true, reason: '审方已通过' }
        : { passed: false, reason: '该处方尚未审方：须经药师审核通过后才能调剂' },
  };
  return { gate, pass: (hiRxno: string) => passed.add(hiRxno) };
}

let serial = 1_000;
const traceCode = (productId: string) => `${productId}${String(serial++).padStart(13, '0')}`;

describe('dispensing as prescribed with traceability codes, over HTTP', () => {
  let h: Harness;
  let token: string;
  const review = reviewDouble();

  const api = <T>(method: string, input: unknown) => h.api<T>(method, input, token);
  const ok = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await api<T>(method, input);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };
  const prescribe = async (patient: typeof zhang, drugs: Array<string | DrugOrder>) => {
    const rx = await createPrescription({ baseUrl: h.sandboxUrl }, { patient, drugs });
    const found = await ok<RxCandidate[]>('rx.find', { by: 'qr', qr: rx.qr });
    await ok<PrescriptionView>('rx.download', found[0]?.ticket);
    return rx.hiRxno;
  };
  const startReviewed = async (hiRxno: string) => {
    review.pass(hiRxno);
    return ok<DispensingView>('dispense.start', { hiRxno });
  };
  const scan = (dispensingId: number, code: string) =>
    ok<ScanVerdict>('dispense.scan', { dispensingId, code });
  const packsOnHand = (medListCodg: string) =>
    h.services.db
      .prepare(
        'SELECT batch_no, packs_on_hand FROM stock_batches WHERE med_list_codg = ? ORDER BY expiry',
      )
      .all(medListCodg) as Array<{ batch_no: string; packs_on_hand: number }>;

  let firstRx = '';
  let firstCode = '';

  beforeAll(async () => {
    h = await startHarness();
    h.services.dispense.useReviewGate(review.gate);
    const login = await h.api<{ token: string }>('auth.login', {
      username: pharmacist.username,
      password: pharmacist.password,
    });
    token = login.value?.token ?? '';
  });
  afterAll(async () => {
    await h.close();
  });

  it('refuses to dispense before the review passed [R-OPINION][ARCH]', async () => {
    const hiRxno = await prescribe(zhang, [AMOXICILLIN]);
    const r = await api('dispense.start', { hiRxno });
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ code: 'POLICY', ruleId: 'R-OPINION' });
    expect(r.error?.message).toContain('审方');
  });

  it('dispenses a reviewed prescription scanning every pack, FEFO from demo stock [R-TRACE][R-TRACE-ONCE]', async () => {
    const stock = await ok<StockItemView[]>('stock.list', {});
    expect(stock.find((s) => s.medListCodg === AMOXICILLIN)?.packsAvailable).toBeGreaterThan(0);
    const before = packsOnHand(AMOXICILLIN);

    firstRx = await prescribe(zhang, [{ medListCodg: AMOXICILLIN, packs: 2 }, AMLODIPINE]);
    const d = await startReviewed(firstRx);
    expect(d.lines.map((l) => [l.genname, l.packsPrescribed, l.packsScanned])).toEqual([
      ['阿莫西林胶囊', 2, 0],
      ['苯磺酸氨氯地平片', 1, 0],
    ]);
    expect(d.patient.certnoMasked).toContain('*');
    expect(d.readyToComplete).toBe(false);

    const early = await api<DispensingView>('dispense.complete', { dispensingId: d.dispensingId });
    expect(early.error).toMatchObject({ code: 'POLICY', ruleId: 'R-TRACE' });

    firstCode = traceCode('8010371');
    const v1 = await scan(d.dispensingId, firstCode);
    expect(v1).toMatchObject({ verdict: 'accepted', lineNo: 1, packNo: 1, packsOnLine: 2 });
    const v2 = await scan(d.dispensingId, `  ${traceCode('8010371')}\r\n`);
    expect(v2).toMatchObject({ verdict: 'accepted', packNo: 2 });
    const v3 = await scan(d.dispensingId, `(01)06902500022466(17)301231(10)B1(21)AMLO${serial++}`);
    expect(v3).toMatchObject({ verdict: 'accepted', lineNo: 2, packNo: 1 });
    expect(v3.dispensing.readyToComplete).toBe(true);

    const done = await ok<DispensingView>('dispense.complete', { dispensingId: d.dispensingId });
    expect(done.state).toBe('completed');
    expect(done.lines[0]?.allocations).toEqual([
      { batchNo: before[0]?.batch_no, expiry: expect.any(String), packs: 2 },
    ]);
    expect(packsOnHand(AMOXICILLIN)[0]?.packs_on_hand).toBe((before[0]?.packs_on_hand ?? 0) - 2);

    const again = await api('dispense.start', { hiRxno: firstRx });
    expect(again.error).toMatchObject({ code: 'CONFLICT', ruleId: 'R-STATUS' });
  });

  it('blocks a repeated code and shows the earlier sale [R-TRACE][R-TRACE-ONCE]', async () => {
    const hiRxno = await prescribe(wang, [AMOXICILLIN]);
    const d = await startReviewed(hiRxno);
    const v = await scan(d.dispensingId, firstCode);
    expect(v).toMatchObject({ verdict: 'refused', reason: 'ALREADY_SOLD', ruleId: 'R-TRACE-ONCE' });
    if (v.verdict !== 'refused') return;
    expect(v.earlierSale).toMatchObject({ hiRxno: firstRx, genname: '阿莫西林胶囊' });
    expect(v.earlierSale?.patientMasked).toMatch(/^张\*.*\*{4,}/);
    expect(v.earlierSale?.patientMasked).not.toContain(zhang.certno);

    const same = traceCode('8010371');
    await scan(d.dispensingId, same);
    const twice = await scan(d.dispensingId, same);
    expect(twice).toMatchObject({ verdict: 'refused', reason: 'ALREADY_SCANNED' });
    await ok('dispense.cancel', { dispensingId: d.dispensingId });
  });

  it('refuses a code of another drug naming both drugs [R-NOSWAP][ST-EPC-02-010]', async () => {
    const hiRxno = await prescribe(wang, [ATORVASTATIN]);
    const d = await startReviewed(hiRxno);
    const v = await scan(d.dispensingId, traceCode('8010371'));
    expect(v).toMatchObject({ verdict: 'refused', reason: 'OTHER_DRUG', ruleId: 'R-NOSWAP' });
    expect(v.verdict === 'refused' && v.message).toMatch(/阿莫西林胶囊.*阿托伐他汀钙片/);
    expect(v.dispensing.lines[0]?.packsScanned).toBe(0);
  });

  it('a scan refusal carries its citation: the rule and its documents by title and section, no seed file number [R-NOSWAP][R-TRACE][R-SUPPLY]', async () => {
    const hiRxno = await prescribe(wang, [ATORVASTATIN]);
    const d = await startReviewed(hiRxno);
    const other = await scan(d.dispensingId, traceCode('8010371'));
    expect(other.verdict === 'refused' && other.citation).toContain(
      '不得擅自更改或替换流转处方药品',
    );
    expect(other.verdict === 'refused' && other.citation).toContain(
      '《关于做好医保电子处方流转有关工作的通知》渝医保办〔2023〕70号 §三(二)3',
    );
    const expired = await scan(
      d.dispensingId,
      `(01)06902500022466(17)991231(10)OLD(21)AMLO${serial++}`,
    );
    expect(expired.verdict === 'refused' && expired.citation).toContain(
      '药品须来自正规稳定的供货渠道',
    );
    for (const v of [other, expired]) {
      expect(v.verdict === 'refused' && v.citation).not.toMatch(/\b00\d\s*(§|ST-|前言)/);
    }
    await ok('dispense.cancel', { dispensingId: d.dispensingId });
  });

  it('refuses a GS1 pack whose (17) 991231 expired in 1999, naming the supply rule with its citation, storing no code [R-TRACE][R-SUPPLY]', async () => {
    const hiRxno = await prescribe(wang, [AMLODIPINE]);
    const d = await startReviewed(hiRxno);
    const code = `(01)06902500022466(17)991231(10)OLD(21)AMLO${serial++}`;
    const v = await scan(d.dispensingId, code);
    expect(v).toMatchObject({ verdict: 'refused', reason: 'EXPIRED', ruleId: 'R-SUPPLY' });
    expect(v.verdict === 'refused' && v.message).toContain('1999-12-31');
    // the rule's only document is Liaoning's notice, which does not govern this Chongqing pharmacy
    expect(v.verdict === 'refused' && v.citation).not.toContain('辽医保办发');
    expect(v.dispensing.lines[0]?.packsScanned).toBe(0);
    const logged = h.services.db
      .prepare('SELECT reason, rule_id FROM scan_refusals WHERE dispensing_id = ?')
      .all(d.dispensingId);
    expect(logged).toEqual([{ reason: 'EXPIRED', rule_id: 'R-SUPPLY' }]);
    await ok('dispense.cancel', { dispensingId: d.dispensingId });
  });

  it('refuses one pack more than prescribed, citing the quantity rule by the documents governing Chongqing [R-NOSWAP][ST-EPC-02-010]', async () => {
    const hiRxno = await prescribe(wang, [METFORMIN]);
    const d = await startReviewed(hiRxno);
    const first = await scan(d.dispensingId, traceCode('8031111'));
    const v = await scan(d.dispensingId, traceCode('8031112'));
    expect(v).toMatchObject({ verdict: 'refused', reason: 'TOO_MANY', ruleId: 'R-NOSWAP' });
    expect(v.verdict === 'refused' && v.message).toContain('不得超量发药');
    // Chongqing's own notice and the national standard, never Liaoning's notice
    expect(v.verdict === 'refused' && v.citation).toContain('渝医保办〔2023〕70号 §三(二)3');
    expect(v.verdict === 'refused' && v.citation).not.toContain('辽医保办发');
    const removed = await ok<DispensingView>('dispense.removeCode', {
      dispensingId: d.dispensingId,
      code: first.code,
    });
    expect(removed.lines[0]?.packsScanned).toBe(0);
  });

  it('takes stock FEFO, never expired, in the same transaction as the sale [R-TRACE-ONCE][ARCH]', async () => {
    const db = h.services.db;
    const staffId = db.prepare("SELECT id FROM staff WHERE role = 'pharmacist'").pluck().get();
    db.prepare(
      `INSERT INTO stock_batches (med_list_codg, batch_no, expiry, packs_received, packs_on_hand, received_by, received_at)
       VALUES (?, 'EXPIRED1', '2020-01-31', 5, 5, ?, 0)`,
    ).run(ATORVASTATIN, staffId);
    const near = await ok<{ batchNo: string }>('stock.receive', {
      medListCodg: ATORVASTATIN,
      batchNo: 'NEAR-1',
      expiry: `${new Date().getUTCFullYear() + 1}-01-31`,
      packs: 1,
      supplierId: (await registerSupplier(h, token)).id,
      codes: packCodes('8041481', 1),
    });
    expect(near.batchNo).toBe('NEAR-1');

    const hiRxno = await prescribe(li, [{ medListCodg: ATORVASTATIN, packs: 2 }]);
    const d = await startReviewed(hiRxno);
    const code = traceCode('8041481');
    await scan(d.dispensingId, code);
    await scan(d.dispensingId, traceCode('8041481'));
    const before = packsOnHand(ATORVASTATIN);

    db.exec(
      "CREATE TEMP TRIGGER fail_sale BEFORE INSERT ON sold_codes BEGIN SELECT RAISE(ABORT, 'injected'); END",
    );
    const failed = await api('dispense.complete', { dispensingId: d.dispensingId });
    db.exec('DROP TRIGGER fail_sale');
    expect(failed.ok).toBe(false);
    expect(packsOnHand(ATORVASTATIN)).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM sold_codes WHERE code = ?').pluck().get(code)).toBe(0);
    expect(
      db
        .prepare('SELECT count(*) FROM dispensing_allocations WHERE dispensing_id = ?')
        .pluck()
        .get(d.dispensingId),
    ).toBe(0);
    expect((await ok<DispensingView>('dispense.get', { dispensingId: d.dispensingId })).state).toBe(
      'open',
    );

    const done = await ok<DispensingView>('dispense.complete', { dispensingId: d.dispensingId });
    expect(done.lines[0]?.allocations.map((a) => [a.batchNo, a.packs])).toEqual([
      ['NEAR-1', 1],
      [expect.stringMatching(/^DEMOA/), 1],
    ]);
    expect(packsOnHand(ATORVASTATIN).find((b) => b.batch_no === 'EXPIRED1')?.packs_on_hand).toBe(5);
    expect(
      db
        .prepare(
          "SELECT count(*) FROM dispensing_uploads WHERE dispensing_id = ? AND state = 'waiting'",
        )
        .pluck()
        .get(d.dispensingId),
    ).toBe(2);
  });

  it('reuses an opened pack’s code for split-pack sales until its units are used up [R-TRACE][R-TRACE-ONCE]', async () => {
    const splitRx = async (patient: typeof zhang) =>
      startReviewed(await prescribe(patient, [{ medListCodg: AMOXICILLIN, splitUnits: 10 }]));
    const pack = traceCode('8010371');
    const before = packsOnHand(AMOXICILLIN).reduce((s, b) => s + b.packs_on_hand, 0);

    const a = await splitRx(wang);
    expect(a.lines[0]).toMatchObject({ splitPack: true, unitsPerPack: 24, quantityPrescribed: 10 });
    expect(await scan(a.dispensingId, pack)).toMatchObject({
      verdict: 'accepted',
      units: 10,
      reusedPack: false,
    });
    await ok('dispense.complete', { dispensingId: a.dispensingId });

    const b = await splitRx(li);
    expect(await scan(b.dispensingId, pack)).toMatchObject({
      verdict: 'accepted',
      units: 10,
      reusedPack: true,
    });
    await ok('dispense.complete', { dispensingId: b.dispensingId });

    const c = await splitRx(zhang);
    expect(await scan(c.dispensingId, pack)).toMatchObject({
      verdict: 'accepted',
      units: 4,
      reusedPack: true,
    });
    const used = await scan(c.dispensingId, traceCode('8010371'));
    expect(used).toMatchObject({ verdict: 'accepted', units: 6, reusedPack: false });
    await ok('dispense.complete', { dispensingId: c.dispensingId });

    const d = await splitRx(wang);
    expect(await scan(d.dispensingId, pack)).toMatchObject({
      verdict: 'refused',
      reason: 'PACK_USED_UP',
      ruleId: 'R-TRACE-ONCE',
    });
    expect(packsOnHand(AMOXICILLIN).reduce((s, b) => s + b.packs_on_hand, 0)).toBe(before - 2);
  });

  it('warns of a repeat purchase within the supply window, with the center’s 5205 records [R-HISTORY]', async () => {
    const hiRxno = await prescribe(zhang, [AMLODIPINE]);
    const hv = await ok<HistoryView>('history.forPrescription', { hiRxno });
    expect(hv.entries.find((e) => e.hiRxno === firstRx)).toMatchObject({
      source: 'local',
      stillSupplied: true,
    });
    expect(hv.warnings.map((w) => [w.code, w.ruleId])).toContainEqual([
      'REPEAT_PURCHASE',
      'R-HISTORY',
    ]);
    expect(hv.center.state).toBe('answered');

    const liRx = await prescribe(li, [AMLODIPINE]);
    const lv = await ok<HistoryView>('history.forPrescription', { hiRxno: liRx });
    expect(lv.entries.some((e) => e.source === 'center' && e.medListCodg === AMLODIPINE)).toBe(
      true,
    );
    expect(lv.warnings.some((w) => w.code === 'REPEAT_PURCHASE')).toBe(true);

    await h.fault({ target: '5205', kind: 'timeout' });
    const off = await ok<HistoryView>('history.forPrescription', { hiRxno });
    await h.clearFaults();
    expect(off.center.state).toBe('unreachable');
    expect(off.center.message).toContain('本店');
    expect(off.entries.length).toBeGreaterThan(0);
  });

  it('prints medication guidance from the usage lines [R-GUIDE][ST-EPC-02-012]', async () => {
    const g = await ok<GuidanceView>('guidance.forPrescription', { hiRxno: firstRx });
    expect(g.ruleId).toBe('R-GUIDE');
    expect(g.lines[0]?.usage).toMatch(/口服，每次1粒，每日一次，连用7天/);
    expect(g.printable).toContain('用药指导单');
    expect(g.printable).not.toContain(zhang.name);
  });
});
