import type { SettlementView, SettlePreview } from '../../src/contract/types-settlement';
import type { DEMO_PATIENTS } from '../../src/sandbox/seed-data';
import type { Harness } from './app-harness';
import { dispensedRx } from './dispensed-rx';

/** A successful API call as the signed-in pharmacist (the test fails on a refusal). */
export type OkCall = <T>(method: string, input: unknown) => Promise<T>;

export interface SaleOptions {
  patient: (typeof DEMO_PATIENTS)[number];
  drug: string;
  /** The pharmacist's own e-voucher token, confirming the review (R-PHARMACIST). */
  ownVoucher: string;
  /** One 20-digit traceability code for the single pack. */
  traceCode: string;
}

/**
 * One e-prescription of one pack issued by a sandbox hospital, downloaded, reviewed, dispensed
 * and settled through the API as at the counter, with its uploads sent.
 */
export async function settleOnePack(
  h: Harness,
  ok: OkCall,
  o: SaleOptions,
): Promise<SettlementView> {
  const d = await dispensedRx(h, ok, {
    patient: o.patient,
    drugs: [o.drug],
    ownVoucher: o.ownVoucher,
    codeOf: () => o.traceCode,
  });
  const p = await ok<SettlePreview>('settle.preview', { dispensingId: d.dispensingId });
  const s = await ok<SettlementView>('settle.confirm', {
    dispensingId: d.dispensingId,
    previewId: p.previewId,
  });
  await h.services.worker.sendNow();
  return s;
}

/** A staff member signed in with the shift open (R-PHARMACIST); returns the session token. */
export async function signedInOnDuty(
  h: Harness,
  who: { username: string; password: string },
): Promise<string> {
  const login = await h.api<{ token: string }>('auth.login', {
    username: who.username,
    password: who.password,
  });
  const token = login.value?.token ?? '';
  const shift = await h.api('shift.open', {}, token);
  if (!shift.ok) throw new Error(`shift.open: ${shift.error?.message}`);
  return token;
}
