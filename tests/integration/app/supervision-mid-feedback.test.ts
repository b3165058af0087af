import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SettlementView, SettlePreview } from '../../../src/contract/types-settlement';
import type { DrugOrder } from '../../../src/sandbox/hospital/drug-lines';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DAILY_PACK_LIMITS } from '../../../src/sandbox/supervision/rules';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { dispensedRx } from '../../support/dispensed-rx';
import { signedInOnDuty } from '../../support/settled-sale';

const AMLODIPINE = 'XC08CAA010A001010201587';
const VALSARTAN = 'XC09CAL010A001010203021';
const PRODUCT: Record<string, string> = { [AMLODIPINE]: '8020741', [VALSARTAN]: '8082961' };
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
// 李秀英 bought amlodipine elsewhere 10 days ago for 28 days: the platform warns 重复购药.
const [zhang, li] = DEMO_PATIENTS;
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !zhang || !li || !ownVoucher) throw new Error('demo data missing');
const dailyLimit = DAILY_PACK_LIMITS[VALSARTAN] ?? 0;
let serial = 640_000;

interface CenterFeedback {
  jr_id: string;
  infno: string;
  rule_id: string;
  msgid: string;
  dspo_way: string;
  dspo_way_rea: string;
}

describe('事中 supervision (3102) before 2102 and the feedback of each handling (3103) over HTTP [R-SUPERVISE]', () => {
  let h: Harness;
  let token: string;
  const api = <T>(method: string, input: unknown) => h.api<T>(method, input, token);
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
    const preview = await ok<SettlePreview>('settle.preview', { dispensingId: d.dispensingId });
    return { ...d, preview, check: preview.supervision };
  };
  const confirm = (d: { dispensingId: number; preview: SettlePreview }) =>
    api<SettlementView>('settle.confirm', {
      dispensingId: d.dispensingId,
      previewId: d.preview.previewId,
    });
  const feedbacksAtCenter = async (psnNo: string) => {
    const res = await fetch(`${h.sandboxUrl}/x/sandbox/supervision-feedbacks?psn_no=${psnNo}`);
    return ((await res.json()) as { feedbacks: CenterFeedback[] }).feedbacks;
  };
  const queued3103 = () =>
    h.services.db
      .prepare("SELECT msgid, status FROM outbox WHERE infno = '3103' ORDER BY id")
      .all() as Array<{ msgid: string; status: string }>;

  beforeAll(async () => {
    h = await startHarness();
    token = await signedInOnDuty(h, pharmacist);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a warning the pharmacist continues with a reason reaches the platform by 3103 once; the 3102 at settlement carries that decision [R-SUPERVISE]', async () => {
    const d = await previewed(li, [AMLODIPINE]);
    expect(d.check.outcome).toBe('warnings');
    const [warning] = d.check.warnings;
    const reason = '患者原药已遗失，已核实处方，继续结算';
    await ok('supervision.handle', {
      dispensingId: d.dispensingId,
      checkId: d.check.checkId,
      choice: 'continue',
      reason,
    });
    const s = await confirm(d);
    expect(s.ok, s.error?.message).toBe(true);
    const row = h.services.db
      .prepare('SELECT supervision_check_id, mid_check_id FROM settlements WHERE id = ?')
      .get(s.value?.settlementId) as { supervision_check_id: number; mid_check_id: number };
    expect(row.supervision_check_id).toBe(d.check.checkId);
    const mid = h.services.db
      .prepare('SELECT stage, outcome FROM supervision_checks WHERE id = ?')
      .get(row.mid_check_id);
    expect(mid).toEqual({ stage: 'mid', outcome: 'warnings' });

    await h.services.worker.sendNow();
    await h.services.worker.sendNow();
    const items = queued3103();
    expect(items).toHaveLength(2);
    expect(items.every((i) => i.status === 'delivered')).toBe(true);
    const fed = await feedbacksAtCenter(li.psnNo);
    const pre = fed.filter((f) => f.infno === '3101');
    expect(pre).toEqual([
      expect.objectContaining({ jr_id: warning?.jrId, dspo_way: '1', dspo_way_rea: reason }),
    ]);
    const atSettlement = fed.filter((f) => f.infno === '3102');
    expect(atSettlement).toHaveLength(1);
    expect(atSettlement[0]).toMatchObject({ rule_id: warning?.ruleId, dspo_way: '1' });
    expect(atSettlement[0]?.dspo_way_rea).toContain(reason);

    // A second feedback of the same check is refused by the database: one 3103 per handling.
    expect(() =>
      h.services.db
        .prepare(
          "INSERT INTO supervision_feedbacks (check_id, msgid, queued_at) VALUES (?, 'X', 0)",
        )
        .run(d.check.checkId),
    ).toThrow(/UNIQUE|PRIMARY/);
  });

  it('a cancel is fed back as 取消 with its reason [R-SUPERVISE]', async () => {
    const d = await previewed(li, [AMLODIPINE]);
    const reason = '患者用药周期未结束，劝其按时用完再来';
    await ok('supervision.handle', {
      dispensingId: d.dispensingId,
      checkId: d.check.checkId,
      choice: 'cancel',
      reason,
    });
    await h.services.worker.sendNow();
    const fed = await feedbacksAtCenter(li.psnNo);
    expect(fed.filter((f) => f.jr_id === d.check.warnings[0]?.jrId)).toEqual([
      expect.objectContaining({ infno: '3101', dspo_way: '2', dspo_way_rea: reason }),
    ]);
  });

  it('a 明确违规 found at settlement by 3102 (a purchase settled since the preview) blocks the 2102: nothing settled here or at the center [R-SUPERVISE]', async () => {
    const later = await previewed(zhang, [{ medListCodg: VALSARTAN, packs: 2, days: 14 }]);
    expect(later.check.outcome).toBe('clear');
    // Meanwhile another sale of the same drug to the same person is settled.
    const first = await previewed(zhang, [
      { medListCodg: VALSARTAN, packs: dailyLimit - 1, days: 28 },
    ]);
    const settledFirst = await confirm(first);
    expect(settledFirst.ok, settledFirst.error?.message).toBe(true);

    const refused = await confirm(later);
    expect(refused.error).toMatchObject({ code: 'POLICY', ruleId: 'R-SUPERVISE' });
    expect(refused.error?.message).toContain('事中');
    expect((refused.error as { detail?: string } | undefined)?.detail).toContain(
      '当日累计超量购药',
    );
    const settlements = h.services.db
      .prepare('SELECT count(*) FROM settlements WHERE dispensing_id = ?')
      .pluck()
      .get(later.dispensingId);
    expect(settlements).toBe(0);
    const res = await fetch(`${h.sandboxUrl}/x/sandbox/settlements?hi_rxno=${later.hiRxno}`);
    expect(((await res.json()) as { settlements: unknown[] }).settlements).toHaveLength(0);
    const blocked = h.services.db
      .prepare("SELECT outcome FROM supervision_checks WHERE dispensing_id = ? AND stage = 'mid'")
      .pluck()
      .all(later.dispensingId);
    expect(blocked).toEqual(['blocked']);
  });
});
