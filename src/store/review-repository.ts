import type { Db } from './database';

export type ReviewResultCode = 'pass' | 'reject';
export type IdentityCheck = 'center_1101' | 'deferred_7206';

export interface DualChannelRegistration {
  identityChecked: boolean;
  prescriptionChecked: boolean;
  medicalRecordChecked: boolean;
  note: string;
  medListCodgs: string[];
  registeredAt: number;
}

/** R-LAYOUT: the fields the reader could not find, and the pharmacist's confirmation of them. */
export interface LayoutConfirmation {
  unread: string[];
  /** Groups confirmed against the file (null: none; only a reject may lack it). */
  confirmedGroups: string[] | null;
  confirmedAt: number | null;
}

export interface NewReview {
  hiRxno: string;
  result: ReviewResultCode;
  stasCodg: string;
  opinion: string;
  reviewerId: number;
  reviewerName: string;
  pharmacistCode: string;
  shiftId: number;
  identityCheck: IdentityCheck;
  reviewedAt: number;
  uploadMsgid: string;
  dualChannel: DualChannelRegistration | null;
  /** Null when every layout field was read. */
  layout: LayoutConfirmation | null;
}

export interface ReviewRecord extends NewReview {
  id: number;
  rxChkBizSn: string | null;
  uploadedAt: number | null;
  supersededAt: number | null;
}

interface Row {
  id: number;
  hi_rxno: string;
  result: ReviewResultCode;
  stas_codg: string;
  opinion: string;
  reviewer_id: number;
  reviewer_name: string;
  pharmacist_code: string;
  shift_id: number;
  identity_check: IdentityCheck;
  reviewed_at: number;
  upload_msgid: string;
  rx_chk_biz_sn: string | null;
  uploaded_at: number | null;
  superseded_at: number | null;
  identity_checked: number | null;
  prescription_checked: number | null;
  medical_record_checked: number | null;
  note: string | null;
  med_list_codgs: string | null;
  registered_at: number | null;
  layout_unread: string | null;
  layout_confirmed_groups: string | null;
  layout_confirmed_at: number | null;
}

const SELECT = `SELECT r.*, d.identity_checked, d.prescription_checked, d.medical_record_checked,
    d.note, d.med_list_codgs, d.registered_at
  FROM rx_reviews r LEFT JOIN dual_channel_registrations d ON d.review_id = r.id`;

/**
 * Prescription reviews (migration 3). Synchronous, so `insert` runs inside the caller's
 * transaction together with the 7206 it queues.
 */
export class ReviewRepository {
  constructor(private readonly db: Db) {}

  /** The review that stands for a prescription (not superseded), if any. */
  live(hiRxno: string): ReviewRecord | null {
    const row = this.db
      .prepare(`${SELECT} WHERE r.hi_rxno = ? AND r.superseded_at IS NULL`)
      .get(hiRxno) as Row | undefined;
    return row ? toRecord(row) : null;
  }

  history(hiRxno: string): ReviewRecord[] {
    const rows = this.db
      .prepare(`${SELECT} WHERE r.hi_rxno = ? ORDER BY r.id`)
      .all(hiRxno) as Row[];
    return rows.map(toRecord);
  }

  /** Inserts a review (and its registration); a live earlier review is superseded by it. */
  insert(review: NewReview): ReviewRecord {
    const previous = this.live(review.hiRxno);
    if (previous) {
      this.db
        .prepare('UPDATE rx_reviews SET superseded_at = ? WHERE id = ?')
        .run(review.reviewedAt, previous.id);
    }
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO rx_reviews (hi_rxno, result, stas_codg, opinion, reviewer_id, reviewer_name,
             pharmacist_code, shift_id, identity_check, reviewed_at, upload_msgid,
             layout_unread, layout_confirmed_groups, layout_confirmed_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          review.hiRxno,
          review.result,
          review.stasCodg,
          review.opinion,
          review.reviewerId,
          review.reviewerName,
          review.pharmacistCode,
          review.shiftId,
          review.identityCheck,
          review.reviewedAt,
          review.uploadMsgid,
          review.layout ? JSON.stringify(review.layout.unread) : null,
          review.layout?.confirmedGroups ? JSON.stringify(review.layout.confirmedGroups) : null,
          review.layout?.confirmedAt ?? null,
        ).lastInsertRowid,
    );
    const d = review.dualChannel;
    if (d) {
      this.db
        .prepare(
          `INSERT INTO dual_channel_registrations (review_id, identity_checked, prescription_checked,
             medical_record_checked, note, med_list_codgs, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          d.identityChecked ? 1 : 0,
          d.prescriptionChecked ? 1 : 0,
          d.medicalRecordChecked ? 1 : 0,
          d.note,
          JSON.stringify(d.medListCodgs),
          d.registeredAt,
        );
    }
    return { ...review, id, rxChkBizSn: null, uploadedAt: null, supersededAt: null };
  }

  /** The center's 7206 answer; the first recorded serial number stands. */
  recordUpload(uploadMsgid: string, rxChkBizSn: string, at: number): boolean {
    return (
      this.db
        .prepare(
          `UPDATE rx_reviews SET rx_chk_biz_sn = ?, uploaded_at = ?
           WHERE upload_msgid = ? AND rx_chk_biz_sn IS NULL`,
        )
        .run(rxChkBizSn, at, uploadMsgid).changes === 1
    );
  }
}

function toRecord(r: Row): ReviewRecord {
  return {
    id: r.id,
    hiRxno: r.hi_rxno,
    result: r.result,
    stasCodg: r.stas_codg,
    opinion: r.opinion,
    reviewerId: r.reviewer_id,
    reviewerName: r.reviewer_name,
    pharmacistCode: r.pharmacist_code,
    shiftId: r.shift_id,
    identityCheck: r.identity_check,
    reviewedAt: r.reviewed_at,
    uploadMsgid: r.upload_msgid,
    rxChkBizSn: r.rx_chk_biz_sn,
    uploadedAt: r.uploaded_at,
    supersededAt: r.superseded_at,
    dualChannel:
      r.registered_at === null
        ? null
        : {
            identityChecked: r.identity_checked === 1,
            prescriptionChecked: r.prescription_checked === 1,
            medicalRecordChecked: r.medical_record_checked === 1,
            note: r.note ?? '',
            medListCodgs: JSON.parse(r.med_list_codgs ?? '[]') as string[],
            registeredAt: r.registered_at,
          },
    layout:
      r.layout_unread === null
        ? null
        : {
            unread: JSON.parse(r.layout_unread) as string[],
            confirmedGroups:
              r.layout_confirmed_groups === null
                ? null
                : (JSON.parse(r.layout_confirmed_groups) as string[]),
            confirmedAt: r.layout_confirmed_at,
          },
  };
}
