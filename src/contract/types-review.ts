import type { LayoutSummary, RuleFinding } from './types';

/** Output types of the shift and review methods (contract-review.ts). */

export interface ShiftView {
  shiftId: number;
  staffId: number;
  pharmacistName: string;
  /** 国家药师编码 (public professional code). */
  pharmacistCode: string;
  openedAt: string;
  /** null while on duty. */
  closedAt: string | null;
}

export interface ShiftStatus {
  /** The signed-in user's own open shift (pharmacists only; null for others or off duty). */
  mine: ShiftView | null;
  /** Every licensed pharmacist on duty now (R-PHARMACIST). */
  onDuty: ShiftView[];
  /** At least one licensed pharmacist is on duty: the pharmacy may review. */
  pharmacyMayReview: boolean;
  /** Chinese, e.g. 当前无执业药师在岗，不能审方（R-PHARMACIST）. */
  message: string;
}

export type ReviewResult = 'pass' | 'reject';

/** Where the 7206 upload of a review stands in the outbox. */
export type ReviewUploadState = 'queued' | 'delivered' | 'parked';

export interface ReviewUploadView {
  state: ReviewUploadState;
  /** Chinese label: 待上传 / 已上传 / 上传失败待处理. */
  label: string;
  /** 处方审核业务流水号 from the center's 7206 reply; null until delivered. */
  rxChkBizSn: string | null;
  attempts: number;
  /** Chinese, last delivery error while queued or parked. */
  lastError: string | null;
  deliveredAt: string | null;
}

/** 双通道 registration (R-HISTORY), present when the prescription has dual-channel lines. */
export interface DualChannelRegistrationView {
  identityChecked: boolean;
  prescriptionChecked: boolean;
  medicalRecordChecked: boolean;
  note: string;
  registeredAt: string;
}

/** R-LAYOUT: layout fields that could not be read, and who confirmed which groups when. */
export interface LayoutConfirmationView {
  unread: string[];
  confirmedGroups: string[];
  confirmedBy: string | null;
  confirmedAt: string | null;
}

export interface ReviewView {
  reviewId: number;
  hiRxno: string;
  result: ReviewResult;
  /** 审核通过 / 审核驳回 */
  resultLabel: string;
  /** 7206 rx_chk_stas_codg sent for this result. */
  statusCode: string;
  opinion: string;
  /** Name and national pharmacist code are professional data; the ID number is never shown. */
  reviewer: { staffId: number; name: string; pharmacistCode: string };
  reviewedAt: string;
  upload: ReviewUploadView;
  dualChannel: DualChannelRegistrationView | null;
  layoutConfirmation: LayoutConfirmationView | null;
  /** Superseded by a later review (a rejected review may be followed by a new one). */
  superseded: boolean;
}

export interface ReviewDrugLine {
  lineNo: number;
  medListCodg: string;
  genname: string;
  spec: string;
  quantity: string;
  unit: string;
  usage: string;
}

/** What the reviewer needs to start (review.start). */
export interface ReviewStart {
  hiRxno: string;
  patient: { name: string; certnoMasked: string };
  fixmedinsName: string;
  prscTime: string;
  validEndTime: string;
  status: { codg: string; name: string };
  /** False: only a reject may be submitted (findings say why). */
  reviewable: boolean;
  findings: RuleFinding[];
  /** Dual-channel lines: identity, prescription and medical-record checks are required. */
  dualChannelLines: ReviewDrugLine[];
  /** R-LAYOUT: groups of layout fields that could not be read; each must be confirmed to pass. */
  layoutUnread: LayoutSummary['unreadGroups'];
  /** The latest review of this prescription, if any. */
  previous: ReviewView | null;
  /** Whether the signed-in user can submit now, and in Chinese why not. */
  canSubmit: { pass: boolean; reject: boolean; reason: string | null };
  /** 审核通过 / 审核驳回 as labels for the buttons. */
  resultLabels: Record<ReviewResult, string>;
  /** Minimum opinion lengths (characters) per result (R-OPINION). */
  opinionMinLength: Record<ReviewResult, number>;
}

/** Store mode (issue 17): every pharmacist on duty at the store's counters, as the store records it. */
export interface StoreOnDutyView {
  shifts: Array<{
    counterId: string;
    pharmacistName: string;
    pharmacistCode: string;
    openedAt: string;
    /** on duty at this many counters at once (recorded, not refused: D50) */
    atCounters: number;
  }>;
  /** One Chinese line, e.g. 门店在岗执业药师：柜台 A 张敏、柜台 B 李华 */
  message: string;
}
