import type { Db } from '../../store/database';
import type { Pharmacist } from './upload-bodies';

/** The reviewing pharmacist as 7207 names them (phar_cert_type, phar_certno, …). */
export function pharmacistOf(db: Db, staffId: number): Pharmacist {
  const r = db
    .prepare('SELECT display_name, cert_type, certno, pharmacist_code FROM staff WHERE id = ?')
    .get(staffId) as
    | {
        display_name: string;
        cert_type: string | null;
        certno: string | null;
        pharmacist_code: string | null;
      }
    | undefined;
  return {
    certType: r?.cert_type ?? '01',
    certno: r?.certno ?? '',
    name: r?.display_name ?? '',
    pracCertNo: r?.pharmacist_code ?? '',
  };
}
