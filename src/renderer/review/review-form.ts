import type { LayoutGroup } from '../../contract/types';
import type { ReviewResult, ReviewStart } from '../../contract/types-review';
import type { RuleId } from '../../domain/rules';

export interface ReviewForm {
  result: ReviewResult | null;
  opinion: string;
  identityChecked: boolean;
  prescriptionChecked: boolean;
  medicalRecordChecked: boolean;
  note: string;
  /** Rejected as a suspicious prescription (R-REPORT-SUSPECT), with the reason for the bureau. */
  suspect: boolean;
  suspectReason: string;
  /** R-LAYOUT: unread layout groups the pharmacist has compared with the file. */
  layoutConfirmed: LayoutGroup[];
}

export const EMPTY_FORM: ReviewForm = {
  result: null,
  opinion: '',
  identityChecked: false,
  prescriptionChecked: false,
  medicalRecordChecked: false,
  note: '',
  suspect: false,
  suspectReason: '',
  layoutConfirmed: [],
};

/** Unread layout groups not yet confirmed (R-LAYOUT). */
export const unconfirmedLayout = (start: ReviewStart, form: ReviewForm) =>
  start.layoutUnread.filter((g) => !form.layoutConfirmed.includes(g.group));

export const needsDualChannel = (start: ReviewStart) => start.dualChannelLines.length > 0;

/** What keeps the form from being submitted: the Chinese words, and the rule for the details line. */
export interface FormProblem {
  text: string;
  ruleId?: RuleId;
}

/** What keeps the form from being submitted; null when complete. */
export function formProblem(start: ReviewStart, form: ReviewForm): FormProblem | null {
  if (!form.result) return { text: '请先选择审核结果：审核通过或审核驳回', ruleId: 'R-OPINION' };
  if (!start.canSubmit[form.result]) {
    return { text: start.canSubmit.reason ?? `当前不能提交“${start.resultLabels[form.result]}”` };
  }
  const min = start.opinionMinLength[form.result];
  if ([...form.opinion.trim()].length < min) {
    return { text: `请填写审核意见，至少 ${min} 个字`, ruleId: 'R-OPINION' };
  }
  if (form.result === 'reject' && form.suspect && [...form.suspectReason.trim()].length < 4) {
    return { text: '可疑处方：请写明可疑理由，至少 4 个字', ruleId: 'R-REPORT-SUSPECT' };
  }
  if (form.result === 'pass' && unconfirmedLayout(start, form).length > 0) {
    const names = unconfirmedLayout(start, form).map((g) => g.name);
    return {
      text: `版式文件中未能读出的内容须对照版式文件逐组确认：${names.join('、')}`,
      ruleId: 'R-LAYOUT',
    };
  }
  if (form.result === 'pass' && needsDualChannel(start)) {
    const all = form.identityChecked && form.prescriptionChecked && form.medicalRecordChecked;
    if (!all) {
      return { text: '双通道药品：须核验患者身份、处方与病历后才能审核通过', ruleId: 'R-HISTORY' };
    }
    if (form.note.trim() === '') return { text: '双通道药品：请填写登记备注', ruleId: 'R-HISTORY' };
  }
  return null;
}
