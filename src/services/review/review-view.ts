import { dateTime } from '../../center/clock';
import type { ReviewView } from '../../contract/types-review';
import { LAYOUT_GROUPS, type LayoutGroup } from '../../domain/layout/compare';
import type { OutboxItem } from '../../store/outbox-repository';
import type { ReviewRecord } from '../../store/review-repository';
import { RESULT_LABELS, UPLOAD_LABELS, uploadStateOf } from './review-codes';
import { rxChkBizSnOf } from './review-upload';

/** A stored review with its upload as the outbox knows it. No ID number or token is shown. */
export function toReviewView(r: ReviewRecord, upload: OutboxItem | null): ReviewView {
  const state = uploadStateOf(upload?.status);
  const fromReply = upload?.response ? rxChkBizSnOf(JSON.parse(upload.response)) : null;
  return {
    reviewId: r.id,
    hiRxno: r.hiRxno,
    result: r.result,
    resultLabel: RESULT_LABELS[r.result],
    statusCode: r.stasCodg,
    opinion: r.opinion,
    reviewer: { staffId: r.reviewerId, name: r.reviewerName, pharmacistCode: r.pharmacistCode },
    reviewedAt: dateTime(new Date(r.reviewedAt)),
    upload: {
      state,
      label: UPLOAD_LABELS[state],
      rxChkBizSn: r.rxChkBizSn ?? fromReply,
      attempts: upload?.attempts ?? 0,
      lastError: state === 'delivered' ? null : (upload?.lastError ?? null),
      deliveredAt: upload?.deliveredAt != null ? dateTime(new Date(upload.deliveredAt)) : null,
    },
    dualChannel: r.dualChannel
      ? {
          identityChecked: r.dualChannel.identityChecked,
          prescriptionChecked: r.dualChannel.prescriptionChecked,
          medicalRecordChecked: r.dualChannel.medicalRecordChecked,
          note: r.dualChannel.note,
          registeredAt: dateTime(new Date(r.dualChannel.registeredAt)),
        }
      : null,
    layoutConfirmation: r.layout
      ? {
          unread: r.layout.unread,
          confirmedGroups: (r.layout.confirmedGroups ?? []).map(
            (g) => LAYOUT_GROUPS[g as LayoutGroup] ?? g,
          ),
          confirmedBy: r.layout.confirmedAt === null ? null : r.reviewerName,
          confirmedAt:
            r.layout.confirmedAt === null ? null : dateTime(new Date(r.layout.confirmedAt)),
        }
      : null,
    superseded: r.supersededAt !== null,
  };
}
