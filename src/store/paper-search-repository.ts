import type { Db } from './database';

export interface PaperQuery {
  /** Exact name, or a prefix of it. */
  patientName?: string;
  patientCertno?: string;
  institutionCode?: string;
  serialNo?: string;
  medListCodg?: string;
  /** Prescription date range, yyyy-MM-dd, inclusive. */
  rxDateFrom?: string;
  rxDateTo?: string;
  /** Archive time range, epoch ms, [from, to). */
  createdFrom?: number;
  createdTo?: number;
}

/**
 * Indexed search of the paper archive (indexes of migration 6): newest first, one page of ids
 * plus the total count.
 */
export class PaperSearchRepository {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  search(q: PaperQuery, limit: number, offset: number): { total: number; ids: number[] } {
    const { where, params } = whereOf(q);
    const total = (
      this.db.prepare(`SELECT count(*) AS n FROM paper_prescriptions p ${where}`).get(params) as {
        n: number;
      }
    ).n;
    const ids = (
      this.db
        .prepare(
          `SELECT p.id FROM paper_prescriptions p ${where} ORDER BY p.id DESC LIMIT ? OFFSET ?`,
        )
        .all(params, limit, offset) as Array<{ id: number }>
    ).map((r) => r.id);
    return { total, ids };
  }

  /** Every id of a query, oldest first (export). */
  allIds(q: PaperQuery): number[] {
    const { where, params } = whereOf(q);
    return (
      this.db
        .prepare(`SELECT p.id FROM paper_prescriptions p ${where} ORDER BY p.id`)
        .all(params) as Array<{ id: number }>
    ).map((r) => r.id);
  }
}

function whereOf(q: PaperQuery): { where: string; params: Record<string, string | number> } {
  const clauses: string[] = [];
  const params: Record<string, string | number> = {};
  if (q.patientName) {
    clauses.push('p.patient_name >= @name AND p.patient_name < @nameEnd');
    params.name = q.patientName;
    params.nameEnd = `${q.patientName}\u{10FFFF}`;
  }
  if (q.patientCertno) {
    clauses.push('p.patient_certno = @certno');
    params.certno = q.patientCertno;
  }
  if (q.institutionCode) {
    clauses.push('p.institution_code = @inst');
    params.inst = q.institutionCode;
  }
  if (q.serialNo) {
    clauses.push('p.serial_no = @serial');
    params.serial = q.serialNo;
  }
  if (q.medListCodg) {
    clauses.push(
      'p.id IN (SELECT paper_id FROM paper_prescription_lines WHERE med_list_codg = @drug)',
    );
    params.drug = q.medListCodg;
  }
  if (q.rxDateFrom) {
    clauses.push('p.rx_date >= @rxFrom');
    params.rxFrom = q.rxDateFrom;
  }
  if (q.rxDateTo) {
    clauses.push('p.rx_date <= @rxTo');
    params.rxTo = q.rxDateTo;
  }
  if (q.createdFrom !== undefined) {
    clauses.push('p.created_at >= @createdFrom');
    params.createdFrom = q.createdFrom;
  }
  if (q.createdTo !== undefined) {
    clauses.push('p.created_at < @createdTo');
    params.createdTo = q.createdTo;
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
