import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DispensingView, ScanVerdict } from '../../../src/contract/types-dispense';
import type { PaperView } from '../../../src/contract/types-paper';
import type { SettlementView, SettlePreview } from '../../../src/contract/types-settlement';
import { maskName } from '../../../src/domain/mask';
import { paperRxno } from '../../../src/domain/paper/paper-rxno';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { dispensedRx } from '../../support/dispensed-rx';
import { fakePng, paperFields } from '../../support/paper-fixtures';
import { signedInOnDuty } from '../../support/settled-sale';

const AMLODIPINE = 'XC08CAA010A001010201587';
const EMPAGLIFLOZIN = 'XA10BKE020A001010103765';
const PRODUCT: Record<string, string> = { [AMLODIPINE]: '8020741', [EMPAGLIFLOZIN]: '8124441' };

const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const [zhang, li] = DEMO_PATIENTS;
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !zhang || !li || !ownVoucher) throw new Error('demo data missing');

let serial = 900_000;
const codeOf = (medListCodg: string) =>
  `${PRODUCT[medListCodg]}${String(serial++).padStart(13, '0')}`;

interface CenterSettlement {
  setl_id: string;
  psn_no: string;
  stas: string;
}

describe('money goes to the right person, and only as the center really said (over HTTP)', () => {
  let h: Harness;
  let token: string;

  const api = <T>(method: string, input: unknown) => h.api<T>(method, input, token);
  const ok = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await api<T>(method, input);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };
  const sandbox = (route: string, body?: unknown, method = 'POST') =>
    fetch(`${h.sandboxUrl}/x/sandbox/${route}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
  const fault = async (target: string, kind: string) =>
    expect((await sandbox('faults', { target, kind, times: 1 })).status).toBe(201);
  const centerSettlements = async (rxno: string) =>
    (
      (await (
        await fetch(`${h.sandboxUrl}/x/sandbox/settlements?hi_rxno=${encodeURIComponent(rxno)}`)
      ).json()) as { settlements: CenterSettlement[] }
    ).settlements;
  const liveAtCenter = async (rxno: string) =>
    (await centerSettlements(rxno)).filter((s) => s.stas === '1');
  const localSettlements = (dispensingId: number) =>
    h.services.db
      .prepare('SELECT state, setl_id FROM settlements WHERE dispensing_id = ? ORDER BY id')
      .all(dispensingId) as Array<{ state: string; setl_id: string | null }>;
  const dispensed = (patient: typeof zhang, drugs: string[]) =>
    dispensedRx(h, ok, { patient, drugs, ownVoucher, codeOf });
  const settle = async (dispensingId: number) => {
    const p = await ok<SettlePreview>('settle.preview', { dispensingId });
    return ok<SettlementView>('settle.confirm', { dispensingId, previewId: p.previewId });
  };

  beforeAll(async () => {
    h = await startHarness();
    await h.services.worker.stop();
    token = await signedInOnDuty(h, pharmacist);
    // A standing settlement at the center whose ids a spoilt reply can reuse.
    const first = await dispensed(zhang, [AMLODIPINE]);
    expect((await settle(first.dispensingId)).state).toBe('settled');
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it("refuses another person's e-voucher on a paper prescription: nothing stored, nothing at the center; the patient's own settles on her account [R-SETTLE][R-AUTH]", async () => {
    const paper = await ok<PaperView>('paper.capture', {
      ...paperFields({
        patientName: zhang.name,
        patientCertno: zhang.certno,
        lines: [{ medListCodg: AMLODIPINE, quantity: 1, days: 28 }],
      }),
      imageBase64: fakePng().toString('base64'),
    });
    const d = await ok<DispensingView>('dispense.startPaper', { paperId: paper.id });
    const v = await ok<ScanVerdict>('dispense.scan', {
      dispensingId: d.dispensingId,
      code: codeOf(AMLODIPINE),
    });
    expect(v.verdict).toBe('accepted');
    await ok('dispense.complete', { dispensingId: d.dispensingId });
    const rxno = paperRxno(paper.institutionCode, paper.serialNo);

    const other = await api('settle.preview', {
      dispensingId: d.dispensingId,
      patient: { certType: '01', certNo: li.ecToken },
    });
    expect(other.error).toMatchObject({ code: 'POLICY', ruleId: 'R-SETTLE' });
    expect(other.error?.message).toContain('另一位参保人');
    expect(other.error?.message).not.toContain(li.certno);
    expect(localSettlements(d.dispensingId)).toEqual([]);
    expect(await centerSettlements(rxno)).toEqual([]);

    const p = await ok<SettlePreview>('settle.preview', {
      dispensingId: d.dispensingId,
      patient: { certType: '01', certNo: zhang.ecToken },
    });
    expect(p.patient.nameMasked).toBe(maskName(zhang.name));
    const s = await ok<SettlementView>('settle.confirm', {
      dispensingId: d.dispensingId,
      previewId: p.previewId,
    });
    expect(s.state).toBe('settled');
    expect(s.patient.nameMasked).toBe(maskName(zhang.name));
    expect((await centerSettlements(rxno)).map((x) => x.psn_no)).toEqual([zhang.psnNo]);
  });

  it("refuses another person's e-voucher on an e-prescription before any settlement call [R-SETTLE][R-AUTH]", async () => {
    const sale = await dispensed(zhang, [AMLODIPINE]);
    const other = await api('settle.preview', {
      dispensingId: sale.dispensingId,
      patient: { certType: '01', certNo: li.ecToken },
    });
    expect(other.error).toMatchObject({ code: 'POLICY', ruleId: 'R-SETTLE' });
    expect(localSettlements(sale.dispensingId)).toEqual([]);
    expect(await centerSettlements(sale.hiRxno)).toEqual([]);
  });

  it.each([
    ['settle-negative-cash', '为负数'],
    ['settle-nonnumeric', '不是有效金额'],
    ['settle-wrong-total', '与本次上传'],
    ['settle-foreign-psn', '不是本次结算的参保人'],
    ['settle-foreign-mdtrt', '已属于本机结算'],
    ['settle-reused-setl-id', '已属于本机结算'],
  ])(
    'a 2102 reply with %s is an unknown outcome reversed by 2601, never a settlement or a receipt [R-SETTLE][R-REVERSE]',
    async (kind, why) => {
      const sale = await dispensed(zhang, [AMLODIPINE]);
      const p = await ok<SettlePreview>('settle.preview', { dispensingId: sale.dispensingId });
      await fault('2102', kind);
      const s = await ok<SettlementView>('settle.confirm', {
        dispensingId: sale.dispensingId,
        previewId: p.previewId,
      });
      expect(s).toMatchObject({ state: 'outcome_unknown', setlId: null, canRefund: false });
      expect(s.unknown[0]?.reason).toContain(why);
      expect(s.uploads.map((u) => u.infno)).toEqual(['2601']);
      const receipt = await api('receipt.get', {
        settlementId: s.settlementId,
        format: 'thermal58',
      });
      expect(receipt.ok).toBe(false);
      expect(await liveAtCenter(sale.hiRxno)).toHaveLength(1);

      await h.services.worker.sendNow();
      const v = await ok<SettlementView>('settle.get', { settlementId: s.settlementId });
      expect(v).toMatchObject({ state: 'voided', canSettleAgain: true });
      expect(await liveAtCenter(sale.hiRxno)).toHaveLength(0);
      expect(localSettlements(sale.dispensingId)).toEqual([{ state: 'voided', setl_id: null }]);
      const setlIds = h.services.db
        .prepare('SELECT setl_id FROM settlements WHERE setl_id IS NOT NULL')
        .pluck()
        .all();
      expect(new Set(setlIds).size).toBe(setlIds.length);
    },
  );

  it.each([
    ['settle-negative-cash'],
    ['settle-nonnumeric'],
    ['settle-wrong-total'],
    ['settle-foreign-psn'],
  ])('a 2101 reply with %s is refused, not shown; nothing is stored [R-SETTLE]', async (kind) => {
    const sale = await dispensed(zhang, [AMLODIPINE]);
    await fault('2101', kind);
    const p = await api('settle.preview', { dispensingId: sale.dispensingId });
    expect(p.error).toMatchObject({ code: 'CENTER_BAD_REPLY', ruleId: 'R-SETTLE' });
    expect(p.error?.message).toContain('不可信');
    expect(localSettlements(sale.dispensingId)).toEqual([]);
    expect(await centerSettlements(sale.hiRxno)).toEqual([]);
  });

  it('a 2103 reply with other amounts is an unknown refund reversed by 2601: the settlement stands [R-REVERSE][R-SETTLE]', async () => {
    const sale = await dispensed(zhang, [AMLODIPINE]);
    const s = await settle(sale.dispensingId);
    await h.services.worker.sendNow();
    await fault('2103', 'settle-wrong-total');
    const r = await ok<SettlementView>('refund.start', {
      settlementId: s.settlementId,
      reason: '患者要求退药',
    });
    expect(r.state).toBe('refund_unknown');
    expect(r.unknown[0]?.reason).toContain('退费应答校验未通过');
    await h.services.worker.sendNow();
    const v = await ok<SettlementView>('settle.get', { settlementId: s.settlementId });
    expect(v.state).toBe('settled');
    expect(await liveAtCenter(sale.hiRxno)).toHaveLength(1);
  });

  it('a dual-channel drug priced above the payment standard is refused before settlement, and settles once the price is within it [R-PRICE]', async () => {
    const lowered = await sandbox('pay-standards', {
      poolarea: '50',
      medListCodg: EMPAGLIFLOZIN,
      fen: 5000,
    });
    expect(lowered.status).toBe(200);
    const sale = await dispensed(li, [EMPAGLIFLOZIN]);
    try {
      const p = await api('settle.preview', { dispensingId: sale.dispensingId });
      expect(p.error).toMatchObject({ code: 'POLICY', ruleId: 'R-PRICE' });
      expect(p.error?.message).toContain('52.80');
      expect(p.error?.message).toContain('50.00');
      expect(p.error?.message).toContain('下调');
      const direct = await api('settle.confirm', { dispensingId: sale.dispensingId });
      expect(direct.error).toMatchObject({ code: 'POLICY', ruleId: 'R-PRICE' });
      expect(localSettlements(sale.dispensingId)).toEqual([]);
      expect(await centerSettlements(sale.hiRxno)).toEqual([]);
    } finally {
      await sandbox('pay-standards', undefined, 'DELETE');
    }
    const p = await ok<SettlePreview>('settle.preview', { dispensingId: sale.dispensingId });
    const line = p.lines.find((l) => l.medListCodg === EMPAGLIFLOZIN);
    expect(line?.overLimit.fen).toBe(0);
    expect(line?.payStandard?.fen).toBe(5280);
    const s = await ok<SettlementView>('settle.confirm', {
      dispensingId: sale.dispensingId,
      previewId: p.previewId,
    });
    expect(s.state).toBe('settled');
  });

  it('a payment standard lowered between preview and settlement: the 2102 above it is reversed by 2601, and the next preview is refused [R-PRICE][R-REVERSE]', async () => {
    const sale = await dispensed(li, [EMPAGLIFLOZIN]);
    const p = await ok<SettlePreview>('settle.preview', { dispensingId: sale.dispensingId });
    expect(
      (await sandbox('pay-standards', { poolarea: '50', medListCodg: EMPAGLIFLOZIN, fen: 5000 }))
        .status,
    ).toBe(200);
    try {
      const s = await ok<SettlementView>('settle.confirm', {
        dispensingId: sale.dispensingId,
        previewId: p.previewId,
      });
      expect(s).toMatchObject({ state: 'outcome_unknown', setlId: null });
      expect(s.unknown[0]?.reason).toContain('不得高于支付标准销售');
      await h.services.worker.sendNow();
      const v = await ok<SettlementView>('settle.get', { settlementId: s.settlementId });
      expect(v.state).toBe('voided');
      expect(await liveAtCenter(sale.hiRxno)).toHaveLength(0);
      const again = await api('settle.preview', { dispensingId: sale.dispensingId });
      expect(again.error).toMatchObject({ code: 'POLICY', ruleId: 'R-PRICE' });
    } finally {
      await sandbox('pay-standards', undefined, 'DELETE');
    }
  });
});
