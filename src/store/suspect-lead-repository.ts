import type { SuspectLead } from '../domain/risk/suspect-leads';
import type { Db } from './database';

export interface NewSuspectLead {
  reviewId: number;
  hiRxno: string;
  reason: string;
  reportedBy: number;
  reportedAt: number;
}

/** A lead with what the bureau needs to find the prescription; personal data in full (mask on output). */
export interface SuspectLeadRow extends SuspectLead {
  id: number;
}

/** Suspicious-prescription leads (R-REPORT-SUSPECT; migration 14, append-only). */
export class SuspectLeadRepository {
  constructor(private readonly db: Db) {}

  insert(lead: NewSuspectLead): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO suspect_rx_leads (review_id, hi_rxno, reason, reported_by, reported_at)
           VALUES (?, ?, ?, ?, ?)`,
        )
        .run(lead.reviewId, lead.hiRxno, lead.reason.trim(), lead.reportedBy, lead.reportedAt)
        .lastInsertRowid,
    );
  }

  forReview(reviewId: number): string | null {
    const reason = this.db
      .prepare('SELECT reason FROM suspect_rx_leads WHERE review_id = ?')
      .pluck()
      .get(reviewId) as string | undefined;
    return reason ?? null;
  }

  inPeriod(p: { start: number; end: number }): SuspectLeadRow[] {
    return this.db
      .prepare(
        `SELECT l.id, l.hi_rxno AS hiRxno, l.reason, l.reported_at AS reportedAt,
                s.display_name AS reporterName, p.fixmedins_code AS institutionCode,
                p.fixmedins_name AS institutionName, p.prsc_time AS prscTime,
                p.patient_name AS patientName, p.certno
         FROM suspect_rx_leads l
         JOIN staff s ON s.id = l.reported_by
         JOIN prescriptions p ON p.hi_rxno = l.hi_rxno
         WHERE l.reported_at >= @start AND l.reported_at < @end
         ORDER BY l.reported_at, l.id`,
      )
      .all(p) as SuspectLeadRow[];
  }
}
