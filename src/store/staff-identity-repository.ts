import type { Db } from './database';

/** 居民身份证 (phar_cert_type 01): the only document type the counter registers for staff. */
export const ID_CARD_CERT_TYPE = '01';

export interface StaffIdentity {
  certType: string;
  certno: string;
}

/**
 * A staff member's identity document (migration 3), kept apart from the log-in data: it is
 * read only to match the reviewer's own e-voucher and to fill 7206, never shown in full.
 */
export class StaffIdentityRepository {
  constructor(private readonly db: Db) {}

  get(staffId: number): StaffIdentity | null {
    const row = this.db.prepare('SELECT cert_type, certno FROM staff WHERE id = ?').get(staffId) as
      | { cert_type: string | null; certno: string | null }
      | undefined;
    if (!row?.certno) return null;
    return { certType: row.cert_type ?? ID_CARD_CERT_TYPE, certno: row.certno };
  }

  set(staffId: number, certno: string): boolean {
    return (
      this.db
        .prepare('UPDATE staff SET cert_type = ?, certno = ? WHERE id = ?')
        .run(ID_CARD_CERT_TYPE, certno, staffId).changes === 1
    );
  }
}
