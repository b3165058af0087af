import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrescriptionView } from '../../../src/contract/types';
import type { DispensingView, HeldDispensingView } from '../../../src/contract/types-dispense';
import type {
  StayHandoverView,
  StayMaterialsView,
  StayWithdrawnView,
} from '../../../src/contract/types-settlement';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { dispensedRx, reviewedRx } from '../../support/dispensed-rx';
import { signedInOnDuty } from '../../support/settled-sale';

const EMPAGLIFLOZIN = 'XA10BKE020A001010103765';
const AMOXICILLIN = 'XJ01CAA040A001010100435';
const PRODUCT: Record<string, string> = { [EMPAGLIFLOZIN]: '8124441', [AMOXICILLIN]: '8010371' };
const CATALOG = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../../config/catalog/drugs.json'), 'utf8'),
) as { drugs: Array<{ medListCodg: string; genname: string; priceFen: number }> };
const drug = (code: string) => {
  const d = CATALOG.drugs.find((x) => x.medListCodg === code);
  if (!d) throw new Error(`no catalog drug ${code}`);
  return d;
};
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const [, li] = DEMO_PATIENTS;
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !li || !ownVoucher) throw new Error('demo data missing');
let serial = 690_000;
const STAY = { hospital: '聊城市人民医院', stayNo: 'ZY2026-001234' };

describe('an inpatient’s dual-channel dispensing handed to the hospital’s inpatient settlement, over HTTP [R-MT-SETTLE]', () => {
  let h: Harness;
  let token: string;
  const api = <T>(method: string, input: unknown) => h.api<T>(method, input, token);
  const ok = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await api<T>(method, input);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };
  const codeOf = (c: string) => `${PRODUCT[c]}${String(serial++).padStart(13, '0')}`;
  const dispensed = (drugs: string[], medType: '11' | '21') =>
    dispensedRx(h, ok, { patient: li, drugs, ownVoucher, order: { medType }, codeOf });
  const fromCenter = async <T>(route: string): Promise<T> =>
    (await (await fetch(`${h.sandboxUrl}/x/sandbox/${route}`)).json()) as T;
  const soldAtCenter = async (code: string) =>
    (
      await fromCenter<{ sold: boolean; sales: Array<{ source: string }> }>(
        `sold-codes?code=${code}`,
      )
    ).sold;
  const settlementsAtCenter = async (hiRxno: string) =>
    (await fromCenter<{ settlements: unknown[] }>(`settlements?hi_rxno=${hiRxno}`)).settlements
      .length;
  const count = (sql: string, ...args: unknown[]) =>
    h.services.db
      .prepare(sql)
      .pluck()
      .get(...args) as number;
  const record = (dispensingId: number) =>
    api<StayHandoverView>('stay.record', { dispensingId, ...STAY, formSeen: true });

  beforeAll(async () => {
    h = await startHarness();
    token = await signedInOnDuty(h, pharmacist);
  });
  afterAll(async () => {
    await h?.close();
  });

  let handed: { hiRxno: string; dispensingId: number; codes: string[] };

  it('records the hand-over with who, when, the stay and the 备案表 seen; the status is 已调剂·随住院结算 everywhere, the held list leaves it out, the 3505 reaches the center and no 2101/2102 is sent [R-MT-SETTLE][R-SALES-UP][R-TRACE][R-STATUS]', async () => {
    handed = await dispensed([EMPAGLIFLOZIN], '21');
    const settleCalls = () =>
      h.sandbox.db
        .prepare("SELECT count(*) FROM processed_messages WHERE infno IN ('2101', '2102')")
        .pluck()
        .get() as number;
    const calls = settleCalls();
    const v = await ok<StayHandoverView>('stay.record', {
      dispensingId: handed.dispensingId,
      ...STAY,
      formSeen: true,
    });
    expect(v).toMatchObject({ state: 'handed_over', stateLabel: '已调剂·随住院结算', ...STAY });
    expect(v.recordedBy).toBe(pharmacist.displayName);
    const row = h.services.db
      .prepare('SELECT * FROM stay_handovers WHERE dispensing_id = ?')
      .get(handed.dispensingId) as Record<string, unknown>;
    expect(row).toMatchObject({ hospital: STAY.hospital, stay_no: STAY.stayNo, form_seen: 1 });

    const rx = await ok<PrescriptionView>('rx.get', { hiRxno: handed.hiRxno });
    expect(rx.live).toMatchObject({ code: 'with_stay', label: '已调剂·随住院结算', next: null });
    const shown = await ok<DispensingView>('dispense.get', { dispensingId: handed.dispensingId });
    expect(shown).toMatchObject({ state: 'completed', withStay: true });
    const held = await ok<HeldDispensingView[]>('dispense.held', {});
    expect(held.map((x) => x.dispensingId)).not.toContain(handed.dispensingId);

    await h.services.worker.sendNow();
    const after = await ok<StayHandoverView>('stay.get', { dispensingId: handed.dispensingId });
    expect(after.upload3505).toBe('delivered');
    for (const code of handed.codes) expect(await soldAtCenter(code)).toBe(true);
    const inv = await fromCenter<{ records: Array<{ record: Record<string, unknown> }> }>(
      'inventory?infno=3505',
    );
    const sent = inv.records.filter((r) => r.record.rxno === handed.hiRxno);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.record).toMatchObject({
      rtal_docno: v.docNo,
      memo: expect.stringContaining(STAY.stayNo),
    });
    expect(sent[0]?.record.setl_id).toBeUndefined();
    expect(sent[0]?.record.mdtrt_setl_type).toBeUndefined();

    expect(settleCalls()).toBe(calls);
    expect(
      count('SELECT count(*) FROM settlements WHERE dispensing_id = ?', handed.dispensingId),
    ).toBe(0);
    expect(await settlementsAtCenter(handed.hiRxno)).toBe(0);
    const audit = h.services.db
      .prepare(
        "SELECT outcome FROM audit_log WHERE action = 'stay.record' ORDER BY seq DESC LIMIT 1",
      )
      .pluck()
      .get();
    expect(audit).toBe('ok');
  });

  it('the record is kept: 撤销调剂 of the held list points to the hand-over’s own 撤销; the database refuses a settlement or a cancellation behind it, an edit, a delete or a second record [R-MT-SETTLE][R-KEEP]', async () => {
    const held = await api('dispense.cancelHeld', {
      dispensingId: handed.dispensingId,
      reason: '患者不要了',
    });
    expect(held.error).toMatchObject({ code: 'CONFLICT', ruleId: 'R-MT-SETTLE' });
    expect(held.error?.message).toContain('撤销随住院结算');
    const db = h.services.db;
    expect(() =>
      db.prepare('INSERT INTO settlements (dispensing_id) VALUES (?)').run(handed.dispensingId),
    ).toThrow(/药店不能结算/);
    expect(() => db.prepare('DELETE FROM stay_handovers').run()).toThrow(/不可删除/);
    expect(() =>
      db
        .prepare("UPDATE stay_handovers SET stay_no = 'X1' WHERE dispensing_id = ?")
        .run(handed.dispensingId),
    ).toThrow(/不可修改/);
    expect(() =>
      db
        .prepare(
          "UPDATE dispensings SET state = 'cancelled', ended_at = 1, cancel_reason = '测试', cancelled_by = 1 WHERE id = ?",
        )
        .run(handed.dispensingId),
    ).toThrow(/须先撤销随住院结算/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO stay_handovers (dispensing_id, hospital, stay_no, form_seen, recorded_by, recorded_at, state)
           VALUES (?, '某医院', '1', 0, 1, 1, 'handed_over')`,
        )
        .run(handed.dispensingId),
    ).toThrow();
  });

  it('prints the materials for the hospital: the stay, the prescription, each drug with quantity, price and pack codes, read back from the A4 PDF [R-MT-SETTLE][R-TRACE]', async () => {
    const m = await ok<StayMaterialsView>('stay.materials', { dispensingId: handed.dispensingId });
    const dir = mkdtempSync(path.join(tmpdir(), 'stay-'));
    const file = path.join(dir, m.fileName);
    writeFileSync(file, Buffer.from(m.pdfBase64, 'base64'));
    const size = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(size).toMatch(/Page size:\s+595(\.\d+)? x 842/);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const lineOf = (label: string) => text.split('\n').find((l) => l.includes(label)) ?? '';
    const empa = drug(EMPAGLIFLOZIN);
    const yuan = (empa.priceFen / 100).toFixed(2);
    expect(lineOf('住院号')).toContain(STAY.hospital);
    expect(lineOf('住院号')).toContain(STAY.stayNo);
    expect(lineOf('医保处方编号')).toContain(handed.hiRxno);
    expect(lineOf(empa.genname)).toContain(`1盒 × ${yuan}元 = ${yuan}元`);
    expect(lineOf('费用合计')).toContain(`${yuan}元`);
    for (const code of handed.codes) expect(text).toContain(code);
    expect(text).toContain('与住院费用合并结算');
    expect(text).not.toContain('R-MT-SETTLE');
  });

  it('refuses a prescription that is not an inpatient dual-channel one, and one not yet fully dispensed, with the reason and citation; nothing is stored or queued [R-MT-SETTLE]', async () => {
    const queued = count("SELECT count(*) FROM outbox WHERE infno = '3505'");
    const outpatient = await dispensed([EMPAGLIFLOZIN], '11');
    const notDual = await dispensed([AMOXICILLIN], '21');
    for (const d of [outpatient, notDual]) {
      const r = await record(d.dispensingId);
      expect(r.error).toMatchObject({ code: 'POLICY', ruleId: 'R-MT-SETTLE' });
      expect(r.error?.message).toContain('不是住院期间开具的“双通道”外配处方');
      expect(r.error?.citation).toContain('“双通道”药品管理的通知》 §三(一)');
    }
    const hiRxno = await reviewedRx(
      h,
      ok,
      { patient: li, drugs: [EMPAGLIFLOZIN], medType: '21' },
      ownVoucher,
    );
    const open = await ok<DispensingView>('dispense.start', { hiRxno });
    const early = await record(open.dispensingId);
    expect(early.error).toMatchObject({ code: 'POLICY', ruleId: 'R-MT-SETTLE' });
    expect(early.error?.message).toContain('完成调剂后才能登记');
    const unseen = await api('stay.record', {
      dispensingId: open.dispensingId,
      ...STAY,
      formSeen: false,
    });
    expect(unseen.error?.message).toContain('备案表');
    expect(
      count(
        'SELECT count(*) FROM stay_handovers WHERE dispensing_id IN (?, ?, ?)',
        outpatient.dispensingId,
        notDual.dispensingId,
        open.dispensingId,
      ),
    ).toBe(0);
    expect(count("SELECT count(*) FROM outbox WHERE infno = '3505'")).toBe(queued);
    await ok('dispense.cancel', { dispensingId: open.dispensingId });
  });

  it('撤销 before the hospital settles: the dispensing is cancelled with the reason, packs and codes come back, the 3506 releases the codes at the center [R-MT-SETTLE][R-REVERSE][R-TRACE]', async () => {
    const stockBefore = count(
      'SELECT sum(packs_on_hand) FROM stock_batches WHERE med_list_codg = ?',
      EMPAGLIFLOZIN,
    );
    const missing = await api('stay.withdraw', { dispensingId: handed.dispensingId, reason: '' });
    expect(missing.ok).toBe(false);
    const w = await ok<StayWithdrawnView>('stay.withdraw', {
      dispensingId: handed.dispensingId,
      reason: '医院改为院内供药',
    });
    expect(w).toMatchObject({ state: 'cancelled', packs: 1, codes: 1 });
    expect(w.stay).toMatchObject({ state: 'withdrawn', withdrawReason: '医院改为院内供药' });
    expect(
      count('SELECT sum(packs_on_hand) FROM stock_batches WHERE med_list_codg = ?', EMPAGLIFLOZIN),
    ).toBe(stockBefore + 1);
    const d = h.services.db
      .prepare('SELECT state, cancel_reason FROM dispensings WHERE id = ?')
      .get(handed.dispensingId);
    expect(d).toEqual({ state: 'cancelled', cancel_reason: '医院改为院内供药' });
    await h.services.worker.sendNow();
    for (const code of handed.codes) expect(await soldAtCenter(code)).toBe(false);
    const again = await api('stay.withdraw', {
      dispensingId: handed.dispensingId,
      reason: '再次撤销',
    });
    expect(again.error?.code).toBe('CONFLICT');
    const rx = await ok<PrescriptionView>('rx.get', { hiRxno: handed.hiRxno });
    expect(rx.live.code).toBe('to_dispense');
  });

  it('撤销 waits while the 3505 has not reached the center, then takes it back with a 3506 [R-MT-SETTLE][R-SALES-UP]', async () => {
    const d = await dispensed([EMPAGLIFLOZIN], '21');
    const fault = await fetch(`${h.sandboxUrl}/x/sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ target: '3505', kind: 'http5xx', times: 1 }),
    });
    expect(fault.status).toBe(201);
    expect((await record(d.dispensingId)).ok).toBe(true);
    await h.services.worker.sendNow();
    const pending = await ok<StayHandoverView>('stay.get', { dispensingId: d.dispensingId });
    expect(pending.upload3505).toBe('pending');
    const early = await api('stay.withdraw', { dispensingId: d.dispensingId, reason: '患者出院' });
    expect(early.error).toMatchObject({ code: 'CONFLICT', ruleId: 'R-SALES-UP' });
    expect(
      count(
        'SELECT count(*) FROM stay_handovers WHERE dispensing_id = ? AND state = ?',
        d.dispensingId,
        'handed_over',
      ),
    ).toBe(1);
    await h.services.worker.sendNow();
    expect(
      (await ok<StayHandoverView>('stay.get', { dispensingId: d.dispensingId })).upload3505,
    ).toBe('delivered');
    await ok('stay.withdraw', { dispensingId: d.dispensingId, reason: '患者出院' });
    await h.services.worker.sendNow();
    for (const code of d.codes) expect(await soldAtCenter(code)).toBe(false);
  });
});
