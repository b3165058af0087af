import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SettlementView, SettlePreview } from '../../../src/contract/types-settlement';
import type { SupervisionView } from '../../../src/contract/types-supervision';
import type { DrugOrder } from '../../../src/sandbox/hospital/drug-lines';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { PACK_LIMITS } from '../../../src/sandbox/supervision/rules';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { dispensedRx } from '../../support/dispensed-rx';
import { signedInOnDuty } from '../../support/settled-sale';

const AMOXICILLIN = 'XJ01CAA040A001010100435';
const AMLODIPINE = 'XC08CAA010A001010201587';
const PRODUCT: Record<string, string> = { [AMOXICILLIN]: '8010371', [AMLODIPINE]: '8020741' };
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const cashier = DEMO_STAFF.find((s) => s.role === 'cashier');
// 李秀英 bought amlodipine at another pharmacy 10 days ago for 28 days (the sandbox's 5205 history).
const [zhang, li] = DEMO_PATIENTS;
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !cashier || !zhang || !li || !ownVoucher) throw new Error('demo data missing');
const amoxicillinLimit = PACK_LIMITS[AMOXICILLIN] ?? 0;
let serial = 610_000;

describe('pre-settlement supervision 事前事中审核 (3101) over HTTP [R-SUPERVISE]', () => {
  let h: Harness;
  let token: string;
  let cashierToken: string;
  const api = <T>(method: string, input: unknown, as = token) => h.api<T>(method, input, as);
  const ok = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await api<T>(method, input);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };
  const previewed = async (patient: typeof zhang, drugs: Array<string | DrugOrder>) => {
    const d = await dispensedRx(h, ok, {
      patient,
      drugs,
      ownVoucher,
      codeOf: (c) => `${PRODUCT[c]}${String(serial++).padStart(13, '0')}`,
    });
    const p = await ok<SettlePreview>('settle.preview', { dispensingId: d.dispensingId });
    return { ...d, preview: p, check: p.supervision };
  };
  const confirm = (d: { dispensingId: number; preview: SettlePreview }) =>
    api<SettlementView>('settle.confirm', {
      dispensingId: d.dispensingId,
      previewId: d.preview.previewId,
    });
  const settlementsOf = (dispensingId: number) =>
    h.services.db
      .prepare('SELECT count(*) FROM settlements WHERE dispensing_id = ?')
      .pluck()
      .get(dispensingId) as number;
  const liveAtCenter = async (hiRxno: string) => {
    const res = await fetch(`${h.sandboxUrl}/x/sandbox/settlements?hi_rxno=${hiRxno}`);
    const body = (await res.json()) as { settlements: Array<{ stas: string }> };
    return body.settlements.filter((s) => s.stas === '1').length;
  };

  beforeAll(async () => {
    h = await startHarness();
    token = await signedInOnDuty(h, pharmacist);
    const login = await h.api<{ token: string }>('auth.login', {
      username: cashier.username,
      password: cashier.password,
    });
    cashierToken = login.value?.token ?? '';
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a clear check lets settlement go ahead, and the settlement names the check it went ahead on [R-SUPERVISE]', async () => {
    const d = await previewed(zhang, [AMOXICILLIN]);
    expect(d.check).toMatchObject({ outcome: 'clear', warnings: [], settleAllowed: true });
    const s = await confirm(d);
    expect(s.ok, s.error?.message).toBe(true);
    const linked = h.services.db
      .prepare('SELECT supervision_check_id FROM settlements WHERE dispensing_id = ?')
      .pluck()
      .get(d.dispensingId);
    expect(linked).toBe(d.check.checkId);
  });

  it("shows the platform's duplicate-purchase warning in its own words and settles only after a pharmacist continues with a reason, recorded with who and when and audited [R-SUPERVISE]", async () => {
    const d = await previewed(li, [AMLODIPINE]);
    expect(d.check.outcome).toBe('warnings');
    // The sandbox pharmacy is in Chongqing: the national notice, never Liaoning's or Dongguan's.
    expect(d.check.citation).toContain('国家医保局');
    expect(d.check.citation).not.toMatch(/辽医保|东医保/);
    expect(d.check.settleAllowed).toBe(false);
    const [w] = d.check.warnings;
    expect(w).toMatchObject({
      ruleName: '重复购药',
      severity: 'suspect',
      severityLabel: '高度可疑',
    });
    expect(w?.content).toContain('苯磺酸氨氯地平片');

    const unhandled = await confirm(d);
    expect(unhandled.error).toMatchObject({ code: 'POLICY', ruleId: 'R-SUPERVISE' });
    expect(unhandled.error?.message).toContain('监管');
    expect(settlementsOf(d.dispensingId)).toBe(0);

    const handle = { dispensingId: d.dispensingId, checkId: d.check.checkId };
    const noReason = await api('supervision.handle', {
      ...handle,
      choice: 'continue',
      reason: ' ',
    });
    expect(noReason.ok).toBe(false);
    const byCashier = await api(
      'supervision.handle',
      { ...handle, choice: 'continue', reason: '患者原药已遗失，经核实继续' },
      cashierToken,
    );
    expect(byCashier.error).toMatchObject({ code: 'FORBIDDEN', ruleId: 'R-SUPERVISE' });

    const reason = '患者原药已遗失，已核实处方，继续结算';
    const handled = await ok<SupervisionView>('supervision.handle', {
      ...handle,
      choice: 'continue',
      reason,
    });
    expect(handled).toMatchObject({
      settleAllowed: true,
      handling: { choice: 'continue', reason, staffName: pharmacist.displayName },
    });
    const again = await api('supervision.handle', {
      ...handle,
      choice: 'cancel',
      reason: '改主意了',
    });
    expect(again.error).toMatchObject({ code: 'CONFLICT' });

    const s = await confirm(d);
    expect(s.ok, s.error?.message).toBe(true);
    expect(s.value?.state).toBe('settled');

    const audit = h.services.db
      .prepare(
        "SELECT username, detail FROM audit_log WHERE action = 'supervision.handle' AND outcome = 'ok' ORDER BY seq DESC LIMIT 1",
      )
      .get() as { username: string; detail: string };
    expect(audit.username).toBe(pharmacist.username);
    expect(JSON.parse(audit.detail)).toMatchObject({
      checkId: d.check.checkId,
      choice: 'continue',
      reason,
    });
    expect(() =>
      h.services.db
        .prepare("UPDATE supervision_handlings SET choice = 'cancel' WHERE check_id = ?")
        .run(d.check.checkId),
    ).toThrow(/不可修改/);
  });

  it('a pharmacist who cancels on a warning cannot then settle on that check [R-SUPERVISE]', async () => {
    const d = await previewed(li, [AMLODIPINE]);
    await ok('supervision.handle', {
      dispensingId: d.dispensingId,
      checkId: d.check.checkId,
      choice: 'cancel',
      reason: '患者用药周期未结束，劝其按时用完再来',
    });
    const s = await confirm(d);
    expect(s.error).toMatchObject({ code: 'POLICY', ruleId: 'R-SUPERVISE' });
    expect(settlementsOf(d.dispensingId)).toBe(0);
    expect(await liveAtCenter(d.hiRxno)).toBe(0);
    // Settling without the preview runs a new check, which warns again: still not settled.
    const direct = await api('settle.confirm', { dispensingId: d.dispensingId });
    expect(direct.error).toMatchObject({ code: 'POLICY', ruleId: 'R-SUPERVISE' });
  });

  it('a blocking finding (over the catalogue limit) stops settlement and cannot be continued, not even in the database [R-SUPERVISE]', async () => {
    const d = await previewed(zhang, [
      { medListCodg: AMOXICILLIN, packs: amoxicillinLimit + 1, days: 7 },
    ]);
    expect(d.check.outcome).toBe('blocked');
    expect(d.check.warnings[0]).toMatchObject({ ruleName: '超目录限量购药', severity: 'block' });
    const cont = await api('supervision.handle', {
      dispensingId: d.dispensingId,
      checkId: d.check.checkId,
      choice: 'continue',
      reason: '患者坚持要求购买',
    });
    expect(cont.error).toMatchObject({ code: 'POLICY', ruleId: 'R-SUPERVISE' });
    expect(() =>
      h.services.db
        .prepare(
          `INSERT INTO supervision_handlings (check_id, choice, reason, staff_id, handled_at)
           VALUES (?, 'continue', '绕过界面直接写入', 1, 0)`,
        )
        .run(d.check.checkId),
    ).toThrow(/明确违规/);
    const s = await confirm(d);
    expect(s.error).toMatchObject({ code: 'POLICY', ruleId: 'R-SUPERVISE' });
    expect((s.error as { detail?: string } | undefined)?.detail).toContain('超目录限量购药');
    expect(settlementsOf(d.dispensingId)).toBe(0);
    expect(await liveAtCenter(d.hiRxno)).toBe(0);
  });

  it('says when the supervision subsystem does not answer, and settles only on a pharmacist’s recorded decision [R-SUPERVISE]', async () => {
    await h.fault({ target: '3101', kind: 'http5xx' });
    let d: Awaited<ReturnType<typeof previewed>>;
    try {
      d = await previewed(zhang, [AMOXICILLIN]);
    } finally {
      await h.clearFaults();
    }
    expect(d.check).toMatchObject({ outcome: 'unreachable', settleAllowed: false });
    expect(d.check.error).toContain('无应答');
    const refused = await confirm(d);
    expect(refused.error).toMatchObject({ code: 'POLICY', ruleId: 'R-SUPERVISE' });
    await ok('supervision.handle', {
      dispensingId: d.dispensingId,
      checkId: d.check.checkId,
      choice: 'continue',
      reason: '监管子系统故障，患者急需用药，已电话告知经办机构',
    });
    const s = await confirm(d);
    expect(s.ok, s.error?.message).toBe(true);
  });
});
