import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sm3Hex } from '../../../src/center/crypto';
import type {
  DispensingView,
  GuidanceView,
  ScanVerdict,
} from '../../../src/contract/types-dispense';
import type { PaperSearchResult, PaperView } from '../../../src/contract/types-paper';
import type {
  ReceiptView,
  SaleUploadsView,
  SettlementView,
  SettlePreview,
} from '../../../src/contract/types-settlement';
import { paperRxno } from '../../../src/domain/paper/paper-rxno';
import { resetCenterClock, setCenterClock } from '../../../src/sandbox/hospital/center-clock';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { PaperRepository } from '../../../src/store/paper-repository';
import { type Harness, startHarness } from '../../support/app-harness';
import { AMLODIPINE, fakePng, METFORMIN, paperFields } from '../../support/paper-fixtures';

/** Trace product identifiers of the drugs used (config/catalog/drugs.json). */
const PRODUCT: Record<string, string> = { [AMLODIPINE]: '8020741', [METFORMIN]: '8031111' };
let serial = 700_000 + (Date.now() % 100_000);
const codeOf = (medListCodg: string) =>
  `${PRODUCT[medListCodg]}${String(serial++).padStart(13, '0')}`;

const staff = (role: string) => {
  const s = DEMO_STAFF.find((x) => x.role === role);
  if (!s) throw new Error(`demo ${role} missing`);
  return s;
};
const zhang = DEMO_PATIENTS[0];
if (!zhang) throw new Error('demo patient missing');

interface CenterSettlement {
  setl_id: string;
  hi_rxno: string;
  rx_form: string;
  stas: string;
}

describe('paper prescriptions dispensed and settled through the same path, over HTTP', () => {
  let h: Harness;
  let token: string;

  const api = <T>(method: string, input: unknown, as = token) => h.api<T>(method, input, as);
  const ok = async <T>(method: string, input: unknown, as = token): Promise<T> => {
    const r = await api<T>(method, input, as);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };
  const login = async (role: string) =>
    (
      await h.api<{ token: string }>('auth.login', {
        username: staff(role).username,
        password: staff(role).password,
      })
    ).value?.token ?? '';
  const staffIdOf = (role: string) =>
    h.services.db
      .prepare('SELECT id FROM staff WHERE username = ?')
      .pluck()
      .get(staff(role).username) as number;
  const center = async <T>(route: string): Promise<T> =>
    (await fetch(`${h.sandboxUrl}/x/sandbox/${route}`)).json() as Promise<T>;
  const packsOnHand = (medListCodg: string) =>
    h.services.db
      .prepare('SELECT sum(packs_on_hand) FROM stock_batches WHERE med_list_codg = ?')
      .pluck()
      .get(medListCodg) as number;

  /** A paper prescription for the demo patient 张伟, archived by the pharmacist. */
  const captured = async (lines = [{ medListCodg: AMLODIPINE, quantity: 2, days: 28 }]) =>
    ok<PaperView>('paper.capture', {
      ...paperFields({ patientName: zhang.name, patientCertno: zhang.certno, lines }),
      imageBase64: fakePng().toString('base64'),
    });

  /** A paper prescription archived `days` ago with that date (straight into the archive). */
  const archivedDaysAgo = (days: number): number => {
    const at = Date.now() - days * 86_400_000;
    const image = fakePng();
    return new PaperRepository(h.services.db).insert(
      {
        ...paperFields({ patientName: zhang.name, patientCertno: zhang.certno }),
        rxDate: new Date(at + 8 * 3600_000).toISOString().slice(0, 10),
        imageSm3: sm3Hex(image),
        regionId: '500000',
        warnings: '[]',
        capturedBy: 1,
        createdAt: at,
        confirmedByCapturer: true,
        lines: [
          {
            lineNo: 1,
            medListCodg: AMLODIPINE,
            genname: '苯磺酸氨氯地平片',
            spec: '5mg*28片',
            unit: '盒',
            quantity: 1,
            days: 28,
            dualChannel: false,
          },
        ],
      },
      { sm3: sm3Hex(image), mime: 'image/png', size: image.length, bytes: image },
    );
  };

  /** Scans a fresh code for every pack of every line; returns the codes. */
  const scanAll = async (d: DispensingView): Promise<string[]> => {
    const codes: string[] = [];
    for (const l of d.lines) {
      for (let i = 0; i < l.packsPrescribed; i++) {
        const code = codeOf(l.medListCodg);
        const v = await ok<ScanVerdict>('dispense.scan', { dispensingId: d.dispensingId, code });
        expect(v.verdict, v.message).toBe('accepted');
        codes.push(code);
      }
    }
    return codes;
  };

  beforeAll(async () => {
    h = await startHarness();
    await h.services.worker.stop();
    token = await login('pharmacist');
    await ok('shift.open', {});
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  let sale: { paper: PaperView; dispensingId: number; codes: string[]; rxno: string };
  let settlement: SettlementView;

  it('capture → dispense with the paper lines only, every pack scanned → complete: paper dispensed, codes sold, stock taken [R-NOSWAP][R-TRACE][R-PAPER-KEEP]', async () => {
    const paper = await captured([
      { medListCodg: AMLODIPINE, quantity: 2, days: 28 },
      { medListCodg: METFORMIN, quantity: 1, days: 30 },
    ]);
    const stockBefore = packsOnHand(AMLODIPINE);
    const d = await ok<DispensingView>('dispense.startPaper', { paperId: paper.id });
    const rxno = paperRxno(paper.institutionCode, paper.serialNo);
    expect(d).toMatchObject({ source: 'paper', hiRxno: null, rxno, state: 'open' });
    expect(d.paper).toEqual({
      id: paper.id,
      institutionCode: paper.institutionCode,
      institutionName: paper.institutionName,
      serialNo: paper.serialNo,
    });
    expect(d.lines.map((l) => [l.medListCodg, l.quantityPrescribed, l.packsPrescribed])).toEqual(
      paper.lines.map((l) => [l.medListCodg, l.quantity, l.quantity]),
    );
    const other = await ok<ScanVerdict>('dispense.scan', {
      dispensingId: d.dispensingId,
      code: `8010371${String(serial++).padStart(13, '0')}`,
    });
    expect(other).toMatchObject({ verdict: 'refused', reason: 'OTHER_DRUG', ruleId: 'R-NOSWAP' });
    const early = await api('dispense.complete', { dispensingId: d.dispensingId });
    expect(early.error?.ruleId).toBe('R-TRACE');

    const resumed = await ok<DispensingView>('dispense.startPaper', { paperId: paper.id });
    expect(resumed.dispensingId).toBe(d.dispensingId);
    const codes = await scanAll(d);
    const done = await ok<DispensingView>('dispense.complete', { dispensingId: d.dispensingId });
    expect(done.state).toBe('completed');
    expect(packsOnHand(AMLODIPINE)).toBe(stockBefore - 2);
    const sold = h.services.db
      .prepare(
        `SELECT count(*) FROM sold_codes WHERE dispensing_id = ? AND returned_at IS NULL
           AND code IN (SELECT value FROM json_each(?))`,
      )
      .pluck()
      .get(d.dispensingId, JSON.stringify(codes));
    expect(sold).toBe(3);
    const after = await ok<PaperView>('paper.get', { id: paper.id });
    expect(after).toMatchObject({ status: 'dispensed', statusLabel: '已调剂' });
    expect(after.sale).toMatchObject({ dispensingId: d.dispensingId, label: '已调剂，待结算' });
    const uploads = h.services.db
      .prepare('SELECT infno FROM dispensing_uploads WHERE dispensing_id = ?')
      .pluck()
      .all(d.dispensingId);
    expect(uploads).toEqual(['3505']);
    const guidance = await ok<GuidanceView>('guidance.forPaper', { paperId: paper.id });
    expect(guidance.printable).toContain(rxno);
    sale = { paper, dispensingId: d.dispensingId, codes, rxno };
  });

  it('a second dispensing of the same paper prescription is refused [R-STATUS][R-PAPER-NO]', async () => {
    const again = await api('dispense.startPaper', { paperId: sale.paper.id });
    expect(again.error).toMatchObject({ code: 'CONFLICT', ruleId: 'R-STATUS' });
    expect(again.error?.message).toContain('不得重复调剂');
    expect(again.error?.message).toContain(sale.paper.serialNo);
  });

  it('settles at the sandbox as a paper outside prescription; only 3505 is queued and it arrives marked paper [R-SETTLE][R-TRACE][R-PAPER-KEEP]', async () => {
    const p = await ok<SettlePreview>('settle.preview', { dispensingId: sale.dispensingId });
    expect(p).toMatchObject({ source: 'paper', hiRxno: sale.rxno });
    expect(p.paper?.serialNo).toBe(sale.paper.serialNo);
    // Pooled like an outside prescription: the year's deductible or the fund takes part.
    expect(p.split.deductible.fen + p.split.fund.fen).toBeGreaterThan(0);
    expect(p.split.centerWarnings.join('')).not.toContain('不享受门诊统筹');
    settlement = await ok<SettlementView>('settle.confirm', {
      dispensingId: sale.dispensingId,
      previewId: p.previewId,
    });
    expect(settlement).toMatchObject({ state: 'settled', source: 'paper', hiRxno: sale.rxno });
    expect(settlement.uploads.map((u) => [u.infno, u.state])).toEqual([['3505', 'queued']]);
    const twice = await api('settle.confirm', { dispensingId: sale.dispensingId });
    expect(twice.error).toMatchObject({ code: 'CONFLICT', ruleId: 'R-STATUS' });

    await h.services.worker.sendNow();
    const up = await ok<SaleUploadsView>('uploads.forSale', {
      settlementId: settlement.settlementId,
    });
    expect(up).toMatchObject({ allDelivered: true, needsAttention: false });
    const { settlements } = await center<{ settlements: CenterSettlement[] }>(
      `settlements?hi_rxno=${encodeURIComponent(sale.rxno)}`,
    );
    expect(settlements).toEqual([
      expect.objectContaining({ setl_id: settlement.setlId, rx_form: 'paper', stas: '1' }),
    ]);
    const msgid = up.uploads.find((u) => u.infno === '3505')?.msgid;
    const { records } = await center<{ records: Array<{ record: Record<string, unknown> }> }>(
      `inventory?infno=3505&msgid=${msgid}`,
    );
    expect(records.length).toBe(2);
    for (const r of records) {
      expect(r.record).toMatchObject({
        rxno: sale.rxno,
        rx_circ_flag: '1',
        x_rx_form: 'paper',
        setl_id: settlement.setlId,
      });
    }
    const code = await center<{ sold: boolean; sales: Array<{ hi_rxno: string }> }>(
      `sold-codes?code=${sale.codes[0]}`,
    );
    expect(code.sold).toBe(true);
    expect(code.sales[0]?.hi_rxno).toBe(sale.rxno);

    const receipt = await ok<ReceiptView>('receipt.get', {
      settlementId: settlement.settlementId,
      format: 'thermal80',
    });
    const text = receipt.lines?.join('\n') ?? '';
    expect(text).toContain('纸质处方');
    expect(text).toContain(sale.paper.institutionName);
    expect(text).toContain(sale.paper.serialNo);
    expect(text).not.toContain('处方号');
    const found = await ok<PaperSearchResult>('paper.search', { serialNo: sale.paper.serialNo });
    expect(found.items[0]?.sale).toMatchObject({
      settlementId: settlement.settlementId,
      settlementState: 'settled',
      label: '已结算',
    });
  });

  it('refuses a traceability code already sold on the paper sale, showing that sale [R-TRACE-ONCE]', async () => {
    const paper = await captured();
    const d = await ok<DispensingView>('dispense.startPaper', { paperId: paper.id });
    const v = await ok<ScanVerdict>('dispense.scan', {
      dispensingId: d.dispensingId,
      code: sale.codes[0],
    });
    expect(v).toMatchObject({ verdict: 'refused', reason: 'ALREADY_SOLD', ruleId: 'R-TRACE-ONCE' });
    expect(v.verdict === 'refused' && v.earlierSale?.hiRxno).toBe(sale.rxno);
    await ok('dispense.cancel', { dispensingId: d.dispensingId });
  });

  it('refuses a paper prescription whose validity window has passed at dispensing time [R-VALID][R-PAPER-VALID]', async () => {
    const id = archivedDaysAgo(10);
    const res = await api('dispense.startPaper', { paperId: id });
    expect(res.error).toMatchObject({ code: 'POLICY', ruleId: 'R-VALID' });
    expect(res.error?.message).toContain('已过有效期');
  });

  it('a paper prescription that expires between dispensing and settlement is refused at settlement, nothing charged [R-VALID][R-PAPER-VALID]', async () => {
    const id = archivedDaysAgo(6);
    const d = await ok<DispensingView>('dispense.startPaper', { paperId: id });
    await scanAll(d);
    await ok('dispense.complete', { dispensingId: d.dispensingId });
    try {
      // Three days pass on the center's clock; one call lets the counter see it.
      await setCenterClock(h.sandboxUrl, 3 * 86_400_000);
      await ok('patient.lookup', { certType: '01', certNo: zhang.ecToken });
      const res = await api('settle.preview', { dispensingId: d.dispensingId });
      expect(res.error).toMatchObject({ code: 'POLICY', ruleId: 'R-VALID' });
      expect(res.error?.message).toContain('不能结算');
      const settled = h.services.db
        .prepare('SELECT count(*) FROM settlements WHERE dispensing_id = ?')
        .pluck()
        .get(d.dispensingId);
      expect(settled).toBe(0);
    } finally {
      await resetCenterClock(h.sandboxUrl);
    }
  });

  it('a cashier cannot start a paper dispensing: a licensed pharmacist on duty reviews it [R-PHARMACIST]', async () => {
    const paper = await captured();
    const res = await api('dispense.startPaper', { paperId: paper.id }, await login('cashier'));
    expect(res.error).toMatchObject({ code: 'FORBIDDEN', ruleId: 'R-PHARMACIST' });
    const still = await ok<PaperView>('paper.get', { id: paper.id });
    expect(still).toMatchObject({ status: 'captured', sale: null });
  });

  it('a cashier captures: it waits as 待药师确认, is not dispensable, the cashier cannot confirm; the pharmacist confirms and it dispenses [R-PHARMACIST]', async () => {
    const cashier = await login('cashier');
    const paper = await ok<PaperView>(
      'paper.capture',
      {
        ...paperFields({ patientName: zhang.name, patientCertno: zhang.certno }),
        imageBase64: fakePng().toString('base64'),
      },
      cashier,
    );
    expect(paper.confirmation).toMatchObject({ state: 'pending', label: '待药师确认', by: null });
    expect(paper.statusLabel).toBe('待药师确认');

    const early = await api('dispense.startPaper', { paperId: paper.id });
    expect(early.error).toMatchObject({ code: 'POLICY', ruleId: 'R-PHARMACIST' });
    expect(early.error?.message).toContain('尚待执业药师确认');
    const byCashier = await api('paper.confirm', { id: paper.id }, cashier);
    expect(byCashier.error).toMatchObject({ code: 'FORBIDDEN', ruleId: 'R-PHARMACIST' });
    expect(
      h.services.db
        .prepare('SELECT count(*) FROM dispensings WHERE paper_id = ?')
        .pluck()
        .get(paper.id),
    ).toBe(0);

    const confirmed = await ok<PaperView>('paper.confirm', { id: paper.id });
    const pharmacistId = staffIdOf('pharmacist');
    expect(confirmed.confirmation).toMatchObject({ state: 'confirmed', by: pharmacistId });
    expect(confirmed.confirmation.at).toMatch(/^\d{4}-\d{2}-\d{2} /);
    const again = await api('paper.confirm', { id: paper.id });
    expect(again.error).toMatchObject({ code: 'CONFLICT', ruleId: 'R-PHARMACIST' });

    const d = await ok<DispensingView>('dispense.startPaper', { paperId: paper.id });
    expect(d.lines).toHaveLength(1);
    await ok('dispense.cancel', { dispensingId: d.dispensingId });
    const audit = h.services.db
      .prepare(
        "SELECT outcome, subject FROM audit_log WHERE action = 'paper.confirm' AND staff_id = ? ORDER BY seq",
      )
      .all(pharmacistId);
    expect(audit).toEqual([
      { outcome: 'ok', subject: `纸质#${paper.id}` },
      { outcome: 'refused', subject: `纸质#${paper.id}` },
    ]);
  });

  it("a pharmacist sends a cashier's capture back with a reason; it is never dispensed [R-PHARMACIST]", async () => {
    const cashier = await login('cashier');
    const paper = await ok<PaperView>(
      'paper.capture',
      {
        ...paperFields({ patientName: zhang.name, patientCertno: zhang.certno }),
        imageBase64: fakePng().toString('base64'),
      },
      cashier,
    );
    const noReason = await api('paper.reject', { id: paper.id, reason: ' ' });
    expect(noReason.error?.code).toBe('VALIDATION');
    const rejected = await ok<PaperView>('paper.reject', {
      id: paper.id,
      reason: '影像中剂量与登记不符',
    });
    expect(rejected.confirmation).toMatchObject({
      state: 'rejected',
      reason: '影像中剂量与登记不符',
    });
    const res = await api('dispense.startPaper', { paperId: paper.id });
    expect(res.error).toMatchObject({ code: 'POLICY', ruleId: 'R-PHARMACIST' });
    expect(res.error?.message).toContain('已被药师退回');
  });

  it('the database refuses a dispensing of an unconfirmed paper prescription and a confirmation by a cashier [R-PHARMACIST]', async () => {
    const paper = await ok<PaperView>(
      'paper.capture',
      {
        ...paperFields({ patientName: zhang.name, patientCertno: zhang.certno }),
        imageBase64: fakePng().toString('base64'),
      },
      await login('cashier'),
    );
    const db = h.services.db;
    expect(() =>
      db
        .prepare(
          `INSERT INTO dispensings (paper_id, reviewed_by, certno, patient_name, staff_id, state, started_at)
           VALUES (?, ?, ?, ?, ?, 'open', ?)`,
        )
        .run(
          paper.id,
          staffIdOf('pharmacist'),
          zhang.certno,
          zhang.name,
          staffIdOf('pharmacist'),
          Date.now(),
        ),
    ).toThrow(/R-PHARMACIST/);
    expect(() =>
      new PaperRepository(db).decide(paper.id, 'confirmed', staffIdOf('cashier'), Date.now()),
    ).toThrow(/R-PHARMACIST/);
    new PaperRepository(db).decide(paper.id, 'confirmed', staffIdOf('pharmacist'), Date.now());
    expect(() =>
      db
        .prepare(
          "UPDATE paper_confirmations SET decision = 'rejected', reason = 'x' WHERE paper_id = ?",
        )
        .run(paper.id),
    ).toThrow(/R-KEEP/);
  });

  it('refunds a paper sale with 2103 and 3506 (no 7208); codes and stock come back [R-REVERSE][R-TRACE-ONCE]', async () => {
    const stockBefore = packsOnHand(AMLODIPINE);
    const r = await ok<SettlementView>('refund.start', {
      settlementId: settlement.settlementId,
      reason: '患者要求退药',
    });
    expect(r).toMatchObject({ state: 'refunded', source: 'paper' });
    expect(packsOnHand(AMLODIPINE)).toBe(stockBefore + 2);
    await h.services.worker.sendNow();
    const up = await ok<SaleUploadsView>('uploads.forSale', {
      settlementId: settlement.settlementId,
    });
    expect(up.uploads.map((u) => [u.infno, u.state])).toEqual([
      ['3505', 'delivered'],
      ['3506', 'delivered'],
    ]);
    const { settlements } = await center<{ settlements: CenterSettlement[] }>(
      `settlements?hi_rxno=${encodeURIComponent(sale.rxno)}`,
    );
    expect(settlements.map((s) => s.stas)).toEqual(['2']);
    const code = await center<{ sold: boolean }>(`sold-codes?code=${sale.codes[0]}`);
    expect(code.sold).toBe(false);
    const found = await ok<PaperView>('paper.get', { id: sale.paper.id });
    expect(found).toMatchObject({ status: 'dispensed', sale: { label: '已退费' } });
  });
});
