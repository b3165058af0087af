import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateOnly } from '../../../src/center/clock';
import type {
  CancelledHeldView,
  DispensingView,
  HeldDispensingView,
  ReopenedDispensing,
  ScanVerdict,
} from '../../../src/contract/types-dispense';
import type { DispensingByDrugReport } from '../../../src/contract/types-reports';
import type { SettlementView, SettlePreview } from '../../../src/contract/types-settlement';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { dispensedRx, reviewedRx } from '../../support/dispensed-rx';
import { signedInOnDuty } from '../../support/settled-sale';

const AMLODIPINE = 'XC08CAA010A001010201587';
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const cashier = DEMO_STAFF.find((s) => s.role === 'cashier');
const [zhang, li] = DEMO_PATIENTS;
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !cashier || !zhang || !li || !ownVoucher) throw new Error('demo data missing');

let serial = 710_000;
const codeOf = () => `8020741${String(serial++).padStart(13, '0')}`;

describe('held dispensings: 待结算 list, reopen and 撤销调剂 over HTTP', () => {
  let h: Harness;
  let token: string;

  const ok = async <T>(method: string, input: unknown, as = token): Promise<T> => {
    const r = await h.api<T>(method, input, as);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };
  const held = () => ok<HeldDispensingView[]>('dispense.held', {});
  const packsOnHand = () =>
    h.services.db
      .prepare('SELECT sum(packs_on_hand) FROM stock_batches WHERE med_list_codg = ?')
      .pluck()
      .get(AMLODIPINE) as number;
  const dispensed = (patient = zhang, packs = 2) =>
    dispensedRx(h, ok, {
      patient,
      drugs: [{ medListCodg: AMLODIPINE, packs }],
      ownVoucher,
      codeOf,
    });
  const settle = async (dispensingId: number) => {
    const p = await ok<SettlePreview>('settle.preview', { dispensingId });
    return ok<SettlementView>('settle.confirm', { dispensingId, previewId: p.previewId });
  };
  const report = () =>
    ok<DispensingByDrugReport>('reports.get', {
      report: 'dispensing-by-drug',
      from: dateOnly(new Date()),
      to: dateOnly(new Date()),
    });
  const amlodipineRow = async () =>
    (await report()).rows.find((r) => r.medListCodg === AMLODIPINE) ?? {
      prescriptions: 0,
      packs: 0,
      amountFen: 0,
    };

  beforeAll(async () => {
    h = await startHarness();
    await h.services.worker.stop();
    token = await signedInOnDuty(h, pharmacist);
  });
  afterAll(async () => {
    await h.close();
  });

  it('lists a completed, unsettled dispensing as 待结算 and reopens it at the settlement step; an open one at scanning [R-SETTLE][R-STATUS]', async () => {
    const sale = await dispensed();
    const list = await held();
    const row = list.find((x) => x.dispensingId === sale.dispensingId);
    expect(row?.rxno).toBe(sale.hiRxno);
    expect(row?.drugs).toContain('×2');
    expect(row?.patient.certnoMasked).not.toBe(zhang.certno);
    const reopened = await ok<ReopenedDispensing>('dispense.reopen', {
      dispensingId: sale.dispensingId,
    });
    expect(reopened.step).toBe('settle');
    expect(reopened.dispensing.state).toBe('completed');
    // F7 on its prescription still refuses a second dispensing, and points to 待结算.
    const again = await h.api('dispense.start', { hiRxno: sale.hiRxno }, token);
    expect(again.error?.ruleId).toBe('R-STATUS');
    expect(again.error?.message).toContain('不得重复调剂');
    expect(again.error?.message).toContain('待结算');

    const openRx = await reviewedRx(h, ok, { patient: li, drugs: [AMLODIPINE] }, ownVoucher);
    const open = await ok<DispensingView>('dispense.start', { hiRxno: openRx });
    expect((await held()).some((x) => x.dispensingId === open.dispensingId)).toBe(false);
    const reopenedOpen = await ok<ReopenedDispensing>('dispense.reopen', {
      dispensingId: open.dispensingId,
    });
    expect(reopenedOpen.step).toBe('dispense');
    await ok('dispense.cancel', { dispensingId: open.dispensingId });

    await settle(sale.dispensingId);
    expect((await held()).some((x) => x.dispensingId === sale.dispensingId)).toBe(false);
  });

  it('撤销调剂 returns the packs to stock, frees the codes for sale, drops the waiting uploads and audits the reason [R-STOCK][R-TRACE-ONCE][R-KEEP]', async () => {
    const before = packsOnHand();
    const sale = await dispensed();
    expect(packsOnHand()).toBe(before - 2);
    const waiting = () =>
      h.services.db
        .prepare('SELECT count(*) FROM dispensing_uploads WHERE dispensing_id = ?')
        .pluck()
        .get(sale.dispensingId) as number;
    expect(waiting()).toBe(2);

    const done = await ok<CancelledHeldView>('dispense.cancelHeld', {
      dispensingId: sale.dispensingId,
      reason: '患者不接受价格，放弃购买',
    });
    expect(done).toMatchObject({ state: 'cancelled', packs: 2, codes: 2 });
    expect(packsOnHand()).toBe(before);
    expect(waiting()).toBe(0);
    expect((await held()).some((x) => x.dispensingId === sale.dispensingId)).toBe(false);
    const kept = h.services.db
      .prepare('SELECT state, cancel_reason, cancelled_by FROM dispensings WHERE id = ?')
      .get(sale.dispensingId);
    expect(kept).toEqual({
      state: 'cancelled',
      cancel_reason: '患者不接受价格，放弃购买',
      cancelled_by: expect.any(Number),
    });
    const audit = h.services.db
      .prepare(
        "SELECT outcome, detail FROM audit_log WHERE action = 'dispense.cancelHeld' ORDER BY seq DESC LIMIT 1",
      )
      .get() as { outcome: string; detail: string };
    expect(audit.outcome).toBe('ok');
    expect(JSON.parse(audit.detail)).toMatchObject({
      dispensingId: sale.dispensingId,
      reason: '患者不接受价格，放弃购买',
    });

    // The same packs sell again on another prescription.
    const again = await reviewedRx(
      h,
      ok,
      { patient: li, drugs: [{ medListCodg: AMLODIPINE, packs: 2 }] },
      ownVoucher,
    );
    const d = await ok<DispensingView>('dispense.start', { hiRxno: again });
    for (const code of sale.codes) {
      const v = await ok<ScanVerdict>('dispense.scan', { dispensingId: d.dispensingId, code });
      expect(v.verdict, v.message).toBe('accepted');
    }
    await ok('dispense.complete', { dispensingId: d.dispensingId });
    await ok('dispense.cancelHeld', { dispensingId: d.dispensingId, reason: '测试后退回' });
  });

  it('refuses 撤销调剂 of a settled dispensing (refund path), without a reason, and from a cashier [R-REVERSE][R-PHARMACIST][R-KEEP]', async () => {
    const sale = await dispensed();
    const noReason = await h.api(
      'dispense.cancelHeld',
      {
        dispensingId: sale.dispensingId,
        reason: ' ',
      },
      token,
    );
    expect(noReason.ok).toBe(false);
    const cashierToken =
      (
        await h.api<{ token: string }>('auth.login', {
          username: cashier.username,
          password: cashier.password,
        })
      ).value?.token ?? '';
    const byCashier = await h.api(
      'dispense.cancelHeld',
      { dispensingId: sale.dispensingId, reason: '收银员想撤销' },
      cashierToken,
    );
    expect(byCashier.error?.ruleId).toBe('R-PHARMACIST');

    await settle(sale.dispensingId);
    const stock = packsOnHand();
    const refused = await h.api(
      'dispense.cancelHeld',
      {
        dispensingId: sale.dispensingId,
        reason: '结算后想撤销',
      },
      token,
    );
    expect(refused.ok).toBe(false);
    expect(refused.error?.ruleId).toBe('R-REVERSE');
    expect(refused.error?.message).toContain('退费');
    expect(packsOnHand()).toBe(stock);
    const state = h.services.db
      .prepare('SELECT state FROM dispensings WHERE id = ?')
      .pluck()
      .get(sale.dispensingId);
    expect(state).toBe('completed');
  });

  it('the database itself refuses cancelling a settled dispensing or one without a reason [R-REVERSE][R-KEEP]', async () => {
    const sale = await dispensed();
    await settle(sale.dispensingId);
    const cancel = (reason: string | null) => () =>
      h.services.db
        .prepare(
          "UPDATE dispensings SET state = 'cancelled', cancel_reason = ?, cancelled_by = staff_id WHERE id = ?",
        )
        .run(reason, sale.dispensingId);
    expect(cancel('直接改库')).toThrow(/不能撤销调剂/);
    const heldOne = await dispensed();
    expect(() =>
      h.services.db
        .prepare("UPDATE dispensings SET state = 'cancelled' WHERE id = ?")
        .run(heldOne.dispensingId),
    ).toThrow(/原因/);
  });

  it('the dispensing report counts neither a held nor a cancelled dispensing as a ¥0 sale [R-RECON][R-STOCK]', async () => {
    const base = await amlodipineRow();
    const baseTotal = (await report()).totals.prescriptions;
    const heldOne = await dispensed();
    expect(await amlodipineRow()).toMatchObject({
      prescriptions: base.prescriptions,
      packs: base.packs,
      amountFen: base.amountFen,
    });
    expect((await report()).totals.prescriptions).toBe(baseTotal);
    await ok('dispense.cancelHeld', {
      dispensingId: heldOne.dispensingId,
      reason: '中心故障，患者离开',
    });
    expect((await report()).totals.prescriptions).toBe(baseTotal);

    const sold = await dispensed();
    await settle(sold.dispensingId);
    const after = await amlodipineRow();
    expect(after.prescriptions).toBe(base.prescriptions + 1);
    expect(after.packs).toBe(base.packs + 2);
    expect(after.amountFen).toBeGreaterThan(base.amountFen);
    expect((await report()).totals.prescriptions).toBe(baseTotal + 1);
  });
});
