import type { Db } from './database';

export type ConsentSigner = 'self' | 'guardian' | 'agent';

/** A signed 自费用药知情同意书 for one dispensing line (migration 17, R-SCOPE). */
export interface ScopeConsent {
  dispensingId: number;
  lineNo: number;
  medListCodg: string;
  signedBy: string;
  signerRelation: ConsentSigner;
  formNo: string;
  recordedBy: number;
  recordedByName: string;
  recordedAt: number;
}

interface Row {
  dispensing_id: number;
  line_no: number;
  med_list_codg: string;
  signed_by: string;
  signer_relation: ConsentSigner;
  form_no: string;
  recorded_by: number;
  recorded_by_name: string;
  recorded_at: number;
}

export class ScopeConsentRepository {
  constructor(private readonly db: Db) {}

  add(c: Omit<ScopeConsent, 'recordedByName'>): void {
    this.db
      .prepare(
        `INSERT INTO scope_consents (dispensing_id, line_no, med_list_codg, signed_by, signer_relation,
           form_no, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        c.dispensingId,
        c.lineNo,
        c.medListCodg,
        c.signedBy,
        c.signerRelation,
        c.formNo,
        c.recordedBy,
        c.recordedAt,
      );
  }

  forDispensing(dispensingId: number): ScopeConsent[] {
    const rows = this.db
      .prepare(
        `SELECT c.*, s.display_name AS recorded_by_name FROM scope_consents AS c
           JOIN staff AS s ON s.id = c.recorded_by
          WHERE c.dispensing_id = ? ORDER BY c.line_no`,
      )
      .all(dispensingId) as Row[];
    return rows.map((r) => ({
      dispensingId: r.dispensing_id,
      lineNo: r.line_no,
      medListCodg: r.med_list_codg,
      signedBy: r.signed_by,
      signerRelation: r.signer_relation,
      formNo: r.form_no,
      recordedBy: r.recorded_by,
      recordedByName: r.recorded_by_name,
      recordedAt: r.recorded_at,
    }));
  }
}
