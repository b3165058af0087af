import type { PrescriptionView, RxDrugLineView } from '../../contract/types';
import type { ReviewResult, ReviewUploadState } from '../../contract/types-review';
import { AppError } from '../../domain/errors';
import { RULES, type RuleId } from '../../domain/rules';
import type { StaffMember } from '../../domain/staff';

/**
 * The rules of a review (审方), each refusal in Chinese with its rule id.
 *
 * R-OPINION: a reject needs a written reason of at least 5 characters; a pass at least a short
 * statement (2 characters, e.g. "合理"), since 7206 requires rx_chk_opnn for every result.
 * Re-review: a prescription has one standing review. A pass is final (the center moved the
 * prescription to 已审核) unless the center refused its 7206 (parked): then it may be reviewed
 * again. A reject may always be followed by a new review (the patient came back with an
 * explanation); the earlier review is kept, marked superseded.
 * R-HISTORY: a pass of a prescription with dual-channel lines needs the identity, prescription
 * and medical-record checks confirmed and a registration note; a reject may carry them.
 */
export const OPINION_MIN_LENGTH: Record<ReviewResult, number> = { pass: 2, reject: 5 };
export const DUAL_CHANNEL_NOTE_MIN_LENGTH = 2;

export interface DualChannelChecks {
  identityChecked: boolean;
  prescriptionChecked: boolean;
  medicalRecordChecked: boolean;
  note: string;
}

export interface StandingReview {
  result: ReviewResult;
  reviewerName: string;
  reviewedAt: string;
  uploadState: ReviewUploadState;
}

/** R-PHARMACIST, ST-EPC-02-006: only a licensed pharmacist with a national code reviews. */
export function assertReviewer(staff: StaffMember): void {
  if (staff.role !== 'pharmacist') {
    throw new AppError('FORBIDDEN', '审方须由执业药师完成，当前岗位不能审方', {
      ruleId: 'R-PHARMACIST',
    });
  }
  if (!staff.pharmacistCode?.trim()) {
    throw new AppError('FORBIDDEN', '该药师未登记国家药师编码，不能审方', {
      ruleId: 'R-PHARMACIST',
    });
  }
}

export function assertIdentityRegistered(certno: string | null): asserts certno is string {
  if (!certno) {
    throw new AppError(
      'FORBIDDEN',
      '该药师未登记本人身份证号，无法核验本人医保电子凭证，请管理员登记后再审方',
      { ruleId: 'R-PHARMACIST' },
    );
  }
}

export function assertOnShift(onShift: boolean): void {
  if (!onShift) {
    throw new AppError('POLICY', '您当前不在岗：请先“上岗”后再审方', {
      ruleId: 'R-PHARMACIST',
    });
  }
}

export function assertOpinion(result: ReviewResult, opinion: string): void {
  const min = OPINION_MIN_LENGTH[result];
  if ([...opinion.trim()].length < min) {
    const what = result === 'reject' ? '驳回处方须填写驳回理由' : '审核通过须填写审核意见';
    throw new AppError('VALIDATION', `${what}（至少 ${min} 个字）`, { ruleId: 'R-OPINION' });
  }
}

/** A pass needs a verified, reviewable prescription (every blocking finding cleared). */
export function assertPassable(view: PrescriptionView): void {
  const blocker = view.findings.find((f) => f.severity === 'block');
  if (blocker || !view.reviewable) {
    throw new AppError(
      'POLICY',
      `处方存在阻断问题，不能审核通过，只能驳回：${blocker?.message ?? '处方未通过验证'}`,
      {
        ruleId:
          blocker && Object.hasOwn(RULES, blocker.ruleId) ? (blocker.ruleId as RuleId) : 'R-SIGN',
      },
    );
  }
  if (!view.signature.center.verifySn) {
    throw new AppError(
      'POLICY',
      '处方尚未在医保中心完成签名核验（7205），不能审核通过；请联网后重新下载核验',
      { ruleId: 'R-SIGN' },
    );
  }
}

/**
 * R-LAYOUT (004 §二(三)3): a layout field that could not be read is neither a match nor a
 * mismatch; a pass needs the pharmacist to have compared every unread group with the file.
 */
export function assertLayoutConfirmed(
  result: ReviewResult,
  unread: PrescriptionView['layout']['unreadGroups'],
  confirmed: readonly string[] | undefined,
): void {
  if (result !== 'pass') return;
  const missing = unread.filter((g) => !confirmed?.includes(g.group));
  if (missing.length > 0) {
    throw new AppError(
      'POLICY',
      `版式文件中有未能读出的内容，须对照版式文件逐组确认后才能审核通过：${missing
        .map((g) => `${g.name}（${g.labels.join('、')}）`)
        .join('；')}`,
      { ruleId: 'R-LAYOUT' },
    );
  }
}

export function dualChannelLines(view: PrescriptionView): RxDrugLineView[] {
  return view.lines.filter((l) => l.dualChannel);
}

export function assertDualChannel(
  result: ReviewResult,
  lines: RxDrugLineView[],
  checks: DualChannelChecks | undefined,
): void {
  if (result !== 'pass' || lines.length === 0) return;
  const names = lines.map((l) => l.genname).join('、');
  const missing = [
    checks?.identityChecked ? null : '患者身份',
    checks?.prescriptionChecked ? null : '处方',
    checks?.medicalRecordChecked ? null : '病历',
  ].filter((m) => m !== null);
  if (missing.length > 0) {
    throw new AppError(
      'POLICY',
      `“双通道”药品（${names}）须核验${missing.join('、')}后才能审核通过`,
      { ruleId: 'R-HISTORY' },
    );
  }
  if ([...(checks?.note.trim() ?? '')].length < DUAL_CHANNEL_NOTE_MIN_LENGTH) {
    throw new AppError('VALIDATION', `“双通道”药品（${names}）须填写登记说明`, {
      ruleId: 'R-HISTORY',
    });
  }
}

/** null when a new review may be submitted, else the Chinese reason. */
export function reReviewRefusal(standing: StandingReview | null): string | null {
  if (!standing || standing.result === 'reject' || standing.uploadState === 'parked') return null;
  return `该处方已由${standing.reviewerName}于${standing.reviewedAt}审核通过，不能重复审核`;
}

export function assertMayReviewAgain(standing: StandingReview | null): void {
  const refusal = reReviewRefusal(standing);
  if (refusal) throw new AppError('CONFLICT', refusal, { ruleId: 'R-STATUS' });
}

/** Only a rejection can be recorded as a suspicious prescription, and only with its reason (R-REPORT-SUSPECT). */
export function assertSuspectOnReject(input: {
  result: 'pass' | 'reject';
  suspect?: { reason: string } | undefined;
}): void {
  if (!input.suspect) return;
  if (input.result !== 'reject') {
    throw new AppError('VALIDATION', '只有驳回的处方才能记为可疑处方线索', {
      ruleId: 'R-REPORT-SUSPECT',
    });
  }
  if (input.suspect.reason.trim().length < 4) {
    throw new AppError('VALIDATION', '请写明可疑理由（至少 4 个字），以便向医保部门反映线索', {
      ruleId: 'R-REPORT-SUSPECT',
    });
  }
}
