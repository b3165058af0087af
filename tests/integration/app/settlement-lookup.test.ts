import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateOnly } from '../../../src/center/clock';
import type { AuditListView } from '../../../src/contract/types-audit';
import type {
  ReceiptView,
  SaleUploadsView,
  SettlementLookupRow,
  SettlementView,
} from '../../../src/contract/types-settlement';
import { maskName } from '../../../src/domain/mask';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { pdfTextLines } from '../../support/pdf-text';
import { settleOnePack } from '../../support/settled-sale';

const METFORMIN = 'XA10BAA115A001010104107';
const AMLODIPINE = 'XC08CAA010A001010201587';
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const cashier = DEMO_STAFF.find((s) => s.role === 'cashier');
const admin = DEMO_STAFF.find((s) => s.role === 'admin');
const [zhang, li] = DEMO_PATIENTS;
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !cashier || !admin || !zhang || !li || !ownVoucher) {
  throw new Error('demo data missing');
}
let serial = 880_000;

describe('settlement lookup: find a past settlement, refund it later, reprint its receipt', () => {
  let h: Harness;
  let token: string;
  const today = dateOnly(new Date());

  const login = async (u: { username: string; password: string }) =>
    (await h.api<{ token: string }>('auth.login', { username: u.username, password: u.password }))
      .value?.token ?? '';
  const ok = async <T>(method: string, input: unknown, as = token): Promise<T> => {
    const r = await h.api<T>(method, input, as);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };
  const center = async <T>(route: string): Promise<T> =>
    (await fetch(`${h.sandboxUrl}/x/sandbox/${route}`)).json() as Promise<T>;
  /** One pack settled; amlodipine by default (李秀英 is still taking hers: see below). */
  const settledSale = (patient = zhang, drug = AMLODIPINE, productId = '8020741') => {
    const traceCode = `${productId}${String(serial++).padStart(13, '0')}`;
    return settleOnePack(h, ok, { patient, drug, ownVoucher, traceCode }).then((s) => ({
      ...s,
      traceCode,
    }));
  };
  const find = (input: unknown) => ok<SettlementLookupRow[]>('settlement.find', input);

  beforeAll(async () => {
    h = await startHarness();
    await h.services.worker.stop();
    token = await login(pharmacist);
    await ok('shift.open', {});
  });
  afterAll(async () => {
    await h?.close();
  });

  it('finds a settlement by its 结算ID and by patient and date, masked, with amounts, state and drugs [R-SETTLE][R-REVERSE]', async () => {
    const s = await settledSale();
    // Metformin: amlodipine bought again within her last purchase's days of use would be held by
    // the platform's pre-settlement check (R-SUPERVISE), which is not what this test is about.
    const other = await settledSale(li, METFORMIN, '8031111');
    if (!s.setlId || !s.split) throw new Error('not settled');

    const [byId, ...more] = await find({ setlId: s.setlId });
    expect(more).toEqual([]);
    expect(byId).toMatchObject({
      settlementId: s.settlementId,
      setlId: s.setlId,
      hiRxno: s.hiRxno,
      at: s.settledAt,
      state: 'settled',
      stateLabel: '已结算',
      total: s.split.total,
      fund: s.split.fund,
      account: s.split.account,
      cash: s.split.cash,
      canRefund: true,
      canReprint: true,
      canPrintRefundSlip: false,
      patient: { nameMasked: maskName(zhang.name) },
    });
    expect(byId?.drugs).toMatch(/氨氯地平.* 1/);
    expect(JSON.stringify(byId)).not.toContain(zhang.certno);
    expect(JSON.stringify(byId)).not.toContain(zhang.name);

    const ids = (rows: SettlementLookupRow[]) => rows.map((r) => r.settlementId);
    const byMaskedName = await find({ patient: maskName(zhang.name), from: today, to: today });
    expect(ids(byMaskedName)).toContain(s.settlementId);
    expect(ids(byMaskedName)).not.toContain(other.settlementId);
    const byCertTail = await find({ patient: zhang.certno.slice(-4), from: today, to: today });
    expect(ids(byCertTail)).toContain(s.settlementId);
    expect(ids(byCertTail)).not.toContain(other.settlementId);
    const lastMonth = await find({ patient: zhang.name, from: '2020-01-01', to: '2020-01-31' });
    expect(lastMonth).toEqual([]);
    expect(await find({ setlId: `${s.setlId}9` })).toEqual([]);

    const vague = await h.api('settlement.find', { patient: '*', from: today, to: today }, token);
    expect(vague.error).toMatchObject({ code: 'VALIDATION', ruleId: 'R-REVERSE' });
    const tooLong = await h.api(
      'settlement.find',
      { patient: zhang.name, from: '2025-01-01', to: '2025-12-31' },
      token,
    );
    expect(tooLong.error).toMatchObject({ code: 'VALIDATION', ruleId: 'R-REVERSE' });
  });

  it('refunds a settlement found after the counter was restarted: 2103, 7208/3506 delivered, code freed, refund slip with the amounts and original 结算ID [R-REVERSE][R-TRACE-ONCE][R-SALES-UP]', async () => {
    const s = await settledSale();
    if (!s.setlId || !s.split) throw new Error('not settled');
    const early = await h.api(
      'receipt.refundSlip',
      { settlementId: s.settlementId, format: 'thermal80' },
      token,
    );
    expect(early.error).toMatchObject({ code: 'CONFLICT', ruleId: 'R-REVERSE' });

    await h.restartCounter();
    await h.services.worker.stop();
    token = await login(pharmacist);
    await h.api('shift.open', {}, token);

    const [found] = await find({ setlId: s.setlId });
    if (!found) throw new Error('not found after restart');
    const cashierToken = await login(cashier);
    const byCashier = await h.api(
      'refund.start',
      { settlementId: found.settlementId, reason: '患者下午回来要求退药' },
      cashierToken,
    );
    expect(byCashier.error).toMatchObject({ code: 'FORBIDDEN', ruleId: 'R-REVERSE' });

    const r = await ok<SettlementView>('refund.start', {
      settlementId: found.settlementId,
      reason: '患者下午回来要求退药',
    });
    expect(r).toMatchObject({ state: 'refunded', canRefund: false });
    const atCenter = await center<{ settlements: Array<{ setl_id: string; stas: string }> }>(
      `settlements?hi_rxno=${s.hiRxno}`,
    );
    expect(atCenter.settlements.map((x) => [x.setl_id, x.stas])).toEqual([[s.setlId, '2']]);
    await h.services.worker.sendNow();
    const up = await ok<SaleUploadsView>('uploads.forSale', { settlementId: s.settlementId });
    expect(up.uploads.map((u) => [u.infno, u.state])).toEqual([
      ['7207', 'delivered'],
      ['3505', 'delivered'],
      ['7208', 'delivered'],
      ['3506', 'delivered'],
    ]);
    expect((await center<{ sold: boolean }>(`sold-codes?code=${s.traceCode}`)).sold).toBe(false);

    const [after] = await find({ setlId: s.setlId });
    expect(after).toMatchObject({ state: 'refunded', canRefund: false, canPrintRefundSlip: true });

    const slip = await ok<ReceiptView>('receipt.refundSlip', {
      settlementId: s.settlementId,
      format: 'thermal80',
    });
    const text = slip.lines?.join('\n') ?? '';
    expect(text).toContain('医保退费凭证');
    expect(text).toMatch(new RegExp(`原结算ID：\\s*${s.setlId}`));
    expect(text).toMatch(new RegExp(`退回统筹基金\\s+${s.split.fund.yuan}`));
    expect(text).toMatch(new RegExp(`退回个人账户\\s+${s.split.account.yuan}`));
    expect(text).toMatch(new RegExp(`退回现金\\s+${s.split.cash.yuan}`));
    expect(text).toMatch(new RegExp(`退费总额\\s+${s.split.total.yuan}`));
    expect(text).toContain('患者下午回来要求退药');
  });

  it('reprints a past receipt marked 补打 with the reprint time, recorded in the audit trail [R-KEEP][R-SETTLE]', async () => {
    const s = await settledSale();
    if (!s.setlId) throw new Error('not settled');
    const thermal = await ok<ReceiptView>('receipt.reprint', {
      settlementId: s.settlementId,
      format: 'thermal58',
    });
    const text = thermal.lines?.join('\n') ?? '';
    expect(text).toContain('医保结算单（补打）');
    expect(text).toMatch(/补打时间：\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    expect(text).toContain(s.setlId);
    expect(thermal.lines?.every((l) => [...l].length <= 32)).toBe(true);

    const a4 = await ok<ReceiptView>('receipt.reprint', {
      settlementId: s.settlementId,
      format: 'a4',
    });
    const pdf = await pdfTextLines(Buffer.from(a4.pdfBase64 ?? '', 'base64'));
    const pdfText = pdf?.join('\n') ?? '';
    expect(pdfText).toContain('补打');
    expect(pdfText).toContain(s.setlId);

    const adminToken = await login(admin);
    const trail = await ok<AuditListView>(
      'audit.list',
      { from: today, to: today, action: 'receipt.reprint', pageSize: 50 },
      adminToken,
    );
    const mine = trail.entries.filter((e) => e.detail.settlementId === s.settlementId);
    expect(mine.map((e) => [e.username, e.outcome, e.detail.format])).toEqual([
      [pharmacist.username, 'ok', 'a4'],
      [pharmacist.username, 'ok', 'thermal58'],
    ]);
    expect(mine[0]?.actionLabel).toBe('补打结算凭证');
  });
});
