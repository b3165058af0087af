import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DispensingView } from '../../../src/contract/types-dispense';
import type { SettleEstimate, SettlePreview } from '../../../src/contract/types-settlement';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { reviewedRx } from '../../support/dispensed-rx';
import { signedInOnDuty } from '../../support/settled-sale';

const AMLODIPINE = 'XC08CAA010A001010201587';
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const [zhang] = DEMO_PATIENTS;
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !zhang || !ownVoucher) throw new Error('demo data missing');

let serial = 930_000;
const codeOf = () => `8020741${String(serial++).padStart(13, '0')}`;

describe('settle.estimate: the price before every pack is scanned (2101 over HTTP)', () => {
  let h: Harness;
  let token: string;
  const ok = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await h.api<T>(method, input, token);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };
  const settlementRows = () =>
    h.services.db.prepare('SELECT count(*) FROM settlements').pluck().get() as number;

  beforeAll(async () => {
    h = await startHarness();
    await h.services.worker.stop();
    token = await signedInOnDuty(h, pharmacist);
  });
  afterAll(async () => {
    await h.close();
  });

  it('prices the prescribed quantities of an open dispensing as the later settlement does, storing nothing [R-SETTLE]', async () => {
    const hiRxno = await reviewedRx(
      h,
      ok,
      { patient: zhang, drugs: [{ medListCodg: AMLODIPINE, packs: 2 }] },
      ownVoucher,
    );
    const d = await ok<DispensingView>('dispense.start', { hiRxno });
    const before = settlementRows();
    const estimate = await ok<SettleEstimate>('settle.estimate', { dispensingId: d.dispensingId });
    expect(settlementRows()).toBe(before);
    expect(estimate.lines.map((l) => l.quantity)).toEqual([2]);
    const { total, fund, account, cash } = estimate.split;
    expect(total.fen).toBeGreaterThan(0);
    expect(fund.fen + account.fen + cash.fen).toBe(total.fen);

    const withoutAccount = await ok<SettleEstimate>('settle.estimate', {
      dispensingId: d.dispensingId,
      useAccount: false,
    });
    expect(withoutAccount.split.account.fen).toBe(0);
    expect(withoutAccount.split.cash.fen).toBe(account.fen + cash.fen);

    for (let i = 0; i < 2; i++) {
      await ok('dispense.scan', { dispensingId: d.dispensingId, code: codeOf() });
    }
    await ok('dispense.complete', { dispensingId: d.dispensingId });
    const preview = await ok<SettlePreview>('settle.preview', { dispensingId: d.dispensingId });
    expect(preview.split.total.fen).toBe(total.fen);
    expect(preview.split.cash.fen).toBe(cash.fen);
  });

  it('refuses a completed dispensing (settle it instead) and an unknown one, calling nobody [R-SETTLE]', async () => {
    const hiRxno = await reviewedRx(
      h,
      ok,
      { patient: zhang, drugs: [{ medListCodg: AMLODIPINE, packs: 1 }] },
      ownVoucher,
    );
    const d = await ok<DispensingView>('dispense.start', { hiRxno });
    await ok('dispense.scan', { dispensingId: d.dispensingId, code: codeOf() });
    await ok('dispense.complete', { dispensingId: d.dispensingId });
    const done = await h.api('settle.estimate', { dispensingId: d.dispensingId }, token);
    expect(done.ok).toBe(false);
    expect(done.error?.code).toBe('CONFLICT');
    expect(done.error?.message).toContain('调剂已完成');
    const none = await h.api('settle.estimate', { dispensingId: 999_999 }, token);
    expect(none.error?.code).toBe('NOT_FOUND');
  });
});
