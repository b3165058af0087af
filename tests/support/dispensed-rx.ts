import type { PrescriptionView, RxCandidate } from '../../src/api/types';
import type { DispensingView } from '../../src/api/types-dispense';
import { createPrescription } from '../../src/sandbox/hospital/create-prescription';
import type { DrugOrder } from '../../src/sandbox/hospital/drug-lines';
import type { DEMO_PATIENTS } from '../../src/sandbox/seed-data';
import type { Harness } from './app-harness';
import type { OkCall } from './settled-sale';

/**
 * An e-prescription issued by a sandbox hospital, downloaded, reviewed (7206 delivered) and
 * dispensed with one fresh traceability code per pack, through the API as at the counter.
 */
export async function dispensedRx(
  h: Harness,
  ok: OkCall,
  o: {
    patient: (typeof DEMO_PATIENTS)[number];
    drugs: Array<string | DrugOrder>;
    ownVoucher: string;
    codeOf: (medListCodg: string) => string;
  },
): Promise<{ hiRxno: string; dispensingId: number; codes: string[] }> {
  const rx = await createPrescription(
    { baseUrl: h.sandboxUrl },
    { patient: o.patient, drugs: o.drugs },
  );
  const found = await ok<RxCandidate[]>('rx.find', { by: 'qr', qr: rx.qr });
  await ok<PrescriptionView>('rx.download', found[0]?.ticket);
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
  const codes: string[] = [];
  for (const l of d.lines) {
    for (let i = 0; i < l.packsPrescribed; i++) {
      const code = o.codeOf(l.medListCodg);
      await ok('dispense.scan', { dispensingId: d.dispensingId, code });
      codes.push(code);
    }
  }
  await ok('dispense.complete', { dispensingId: d.dispensingId });
  return { hiRxno: rx.hiRxno, dispensingId: d.dispensingId, codes };
}
