import type { PrescriptionView, RxCandidate } from '../../src/contract/types';
import type { DispensingView } from '../../src/contract/types-dispense';
import {
  createPrescription,
  type PrescriptionOrder,
} from '../../src/sandbox/hospital/create-prescription';
import type { Harness } from './app-harness';
import type { OkCall } from './settled-sale';

/**
 * An e-prescription issued by a sandbox hospital, downloaded and passed at review with the
 * pharmacist's own e-voucher (7206 delivered), through the API as at the counter.
 */
export async function reviewedRx(
  h: Harness,
  ok: OkCall,
  order: PrescriptionOrder,
  ownVoucher: string,
): Promise<string> {
  const rx = await createPrescription({ baseUrl: h.sandboxUrl }, order);
  const found = await ok<RxCandidate[]>('rx.find', { by: 'qr', qr: rx.qr });
  await ok<PrescriptionView>('rx.download', found[0]?.ticket);
  await ok('review.submit', {
    hiRxno: rx.hiRxno,
    result: 'pass',
    opinion: '处方合理，用法用量适宜',
    ecToken: ownVoucher,
    dualChannel: {
      identityChecked: true,
      prescriptionChecked: true,
      medicalRecordChecked: true,
      note: '已核对身份证、处方与病历',
    },
  });
  await h.services.worker.sendNow();
  return rx.hiRxno;
}

/** `reviewedRx`, then dispensed with one fresh traceability code per pack and completed. */
export async function dispensedRx(
  h: Harness,
  ok: OkCall,
  o: Pick<PrescriptionOrder, 'patient' | 'drugs'> & {
    ownVoucher: string;
    codeOf: (medListCodg: string) => string;
    /** More of the hospital's order: medical type, diagnosis, approval flags… */
    order?: Omit<PrescriptionOrder, 'patient' | 'drugs'>;
  },
): Promise<{ hiRxno: string; dispensingId: number; codes: string[] }> {
  const hiRxno = await reviewedRx(
    h,
    ok,
    { ...o.order, patient: o.patient, drugs: o.drugs },
    o.ownVoucher,
  );
  const d = await ok<DispensingView>('dispense.start', { hiRxno });
  const codes: string[] = [];
  for (const l of d.lines) {
    for (let i = 0; i < l.packsPrescribed; i++) {
      const code = o.codeOf(l.medListCodg);
      await ok('dispense.scan', { dispensingId: d.dispensingId, code });
      codes.push(code);
    }
  }
  await ok('dispense.complete', { dispensingId: d.dispensingId });
  return { hiRxno, dispensingId: d.dispensingId, codes };
}
