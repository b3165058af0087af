import type { RxCandidate } from '../../src/api/types';
import type { DispensingView } from '../../src/api/types-dispense';
import type { SettlementView, SettlePreview } from '../../src/api/types-settlement';
import { createPrescription } from '../../src/sandbox/hospital/create-prescription';
import type { DEMO_PATIENTS } from '../../src/sandbox/seed-data';
import type { Harness } from './app-harness';

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
  const rx = await createPrescription(
    { baseUrl: h.sandboxUrl },
    { patient: o.patient, drugs: [o.drug] },
  );
  const found = await ok<RxCandidate[]>('rx.find', { by: 'qr', qr: rx.qr });
  await ok('rx.download', found[0]?.ticket);
  await ok('review.submit', {
    hiRxno: rx.hiRxno,
    result: 'pass',
    opinion: '处方合理，用法用量适宜',
    ecToken: o.ownVoucher,
    dualChannel: {
      identityChecked: true,
      prescriptionChecked: true,
      medicalRecordChecked: true,
      note: '已核对身份证、处方与病历',
    },
  });
  await h.services.worker.sendNow();
  const d = await ok<DispensingView>('dispense.start', { hiRxno: rx.hiRxno });
  await ok('dispense.scan', { dispensingId: d.dispensingId, code: o.traceCode });
  await ok('dispense.complete', { dispensingId: d.dispensingId });
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
