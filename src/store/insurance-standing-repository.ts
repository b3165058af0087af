import type { InsuranceStanding } from '../domain/settlement/insurance-standing';
import type { Db } from './database';

interface Row {
  settleable: number;
  status_text: string;
  insuplc_admdvs: string;
  remote: number;
}

/** Each person's insurance standing as 1101 last answered (migration 27). */
export class InsuranceStandingRepository {
  constructor(private readonly db: Db) {}

  record(certno: string, psnNo: string, s: InsuranceStanding, at: number): void {
    this.db
      .prepare(
        `INSERT INTO insurance_standings
           (certno, psn_no, settleable, status_text, insuplc_admdvs, remote, checked_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (certno) DO UPDATE SET psn_no = excluded.psn_no,
           settleable = excluded.settleable, status_text = excluded.status_text,
           insuplc_admdvs = excluded.insuplc_admdvs, remote = excluded.remote,
           checked_at = excluded.checked_at`,
      )
      .run(
        certno,
        psnNo,
        s.settleable ? 1 : 0,
        s.statusText,
        s.insuplcAdmdvs,
        s.remote ? 1 : 0,
        at,
      );
  }

  get(certno: string): InsuranceStanding | undefined {
    const r = this.db
      .prepare(
        'SELECT settleable, status_text, insuplc_admdvs, remote FROM insurance_standings WHERE certno = ?',
      )
      .get(certno) as Row | undefined;
    return r
      ? {
          settleable: r.settleable === 1,
          statusText: r.status_text,
          insuplcAdmdvs: r.insuplc_admdvs,
          remote: r.remote === 1,
        }
      : undefined;
  }
}
