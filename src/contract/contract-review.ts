import { z } from 'zod';
import { audited, reads } from './method-policy';
import { rxNo, scanText } from './schemas';
import type {
  ReviewStart,
  ReviewView,
  ShiftStatus,
  ShiftView,
  StoreOnDutyView,
} from './types-review';

const empty = z.object({}).strict();

/** Written opinion (rx_chk_opnn, ≤2000); minimum lengths per result are checked by the service. */
const opinion = z.string().trim().max(2000);

const dualChannelChecks = z
  .object({
    identityChecked: z.boolean(),
    prescriptionChecked: z.boolean(),
    medicalRecordChecked: z.boolean(),
    note: z.string().trim().max(500),
  })
  .strict();

/** Review (审方) methods: R-PHARMACIST, R-OPINION, R-CHECKS, R-HISTORY; 7206. */
export const reviewContract = {
  /** Who is on duty; whether the pharmacy may review now (R-PHARMACIST). */
  'shift.status': { input: empty, output: {} as ShiftStatus, auth: true, ...reads },
  /** Store mode: who is on duty at which counter of the store (issue 17, R-PHARMACIST). */
  'shift.store': { input: empty, output: {} as StoreOnDutyView, auth: true, ...reads },
  /** Licensed pharmacists only; idempotent (an open shift is returned as is). */
  'shift.open': {
    input: empty,
    output: {} as ShiftView,
    auth: true,
    mutates: true,
    audit: audited('shift.open', {
      subject: 'shift',
      detail: { output: ['shiftId', 'pharmacistCode'] },
    }),
  },
  /** Closes the signed-in pharmacist's open shift. */
  'shift.close': {
    input: empty,
    output: {} as ShiftView,
    auth: true,
    mutates: true,
    audit: audited('shift.close', {
      subject: 'shift',
      detail: { output: ['shiftId', 'pharmacistCode'] },
    }),
  },
  /** Everything the reviewer needs for one downloaded prescription. */
  'review.start': {
    input: z.object({ hiRxno: rxNo }).strict(),
    output: {} as ReviewStart,
    auth: true,
    ...reads,
  },
  /**
   * Records the review and queues its 7206 upload in one transaction. `ecToken` is the
   * pharmacist's OWN e-voucher, scanned at submit; it is checked with 1101 and never stored
   * beyond the queued 7206 request.
   */
  'review.submit': {
    input: z
      .object({
        hiRxno: rxNo,
        result: z.enum(['pass', 'reject']),
        opinion,
        ecToken: scanText.max(128),
        dualChannel: dualChannelChecks.optional(),
        /** A rejection as a suspicious prescription, with the lead for the bureau (R-REPORT-SUSPECT). */
        suspect: z
          .object({ reason: z.string().trim().min(4, '请写明可疑理由（至少 4 个字）').max(500) })
          .strict()
          .optional(),
        /** R-LAYOUT: the unread layout groups the pharmacist confirmed against the file. */
        layoutConfirmed: z
          .array(z.enum(['rx', 'patient', 'prescriber', 'drugs']))
          .max(4)
          .optional(),
      })
      .strict(),
    output: {} as ReviewView,
    auth: true,
    mutates: true,
    audit: audited('review.pass', {
      actionWhen: { field: 'result', equals: 'reject', action: 'review.reject' },
      subject: 'rx',
      detail: { input: ['result'], output: ['reviewId', 'statusCode'], extra: 'review' },
    }),
  },
  /** The latest review of a prescription, with its upload state. */
  'review.get': {
    input: z.object({ hiRxno: rxNo }).strict(),
    output: {} as ReviewView,
    auth: true,
    ...reads,
  },
} as const;
