import { AppError } from '../errors';
import type { ComplaintState } from '../lifecycle/states';
import { assertTransition } from '../lifecycle/transitions';
import { COMPLAINT_MIN_TEXT, type ComplaintFollowUp } from './complaint';

const filled = (text: string | undefined, min: number): text is string =>
  text !== undefined && [...text.trim()].length >= min;

const refuse = (message: string) => new AppError('POLICY', message, { ruleId: 'R-COMPLAINT' });

/** R-COMPLAINT: a complaint or report names what it is about before it is registered. */
export function checkComplaintSubject(subject: string): void {
  if (!filled(subject, COMPLAINT_MIN_TEXT.subject))
    throw refuse(`请写明投诉举报事由（至少${COMPLAINT_MIN_TEXT.subject}个字）`);
}

/**
 * R-COMPLAINT (药店应建立投诉举报受理制度，接到投诉举报时要及时进行核查纠正，对不属于自身业务范围
 * 的投诉举报信息要及时向当地医保经办机构反馈): a step along the complaint's states, with what that
 * step must record. Corrected needs the check result and the correction; passed to the agency
 * needs the check result and the agency.
 */
export function checkComplaintFollowUp(from: ComplaintState, step: ComplaintFollowUp): void {
  assertTransition('complaint', from, step.to);
  if (step.to === 'corrected') {
    if (!filled(step.checkResult, COMPLAINT_MIN_TEXT.checkResult))
      throw refuse(`核查纠正前请写明核查结果（至少${COMPLAINT_MIN_TEXT.checkResult}个字）`);
    if (!filled(step.correction, COMPLAINT_MIN_TEXT.correction))
      throw refuse('核查纠正须写明采取的纠正措施');
  }
  if (step.to === 'referred') {
    if (!filled(step.checkResult, COMPLAINT_MIN_TEXT.checkResult))
      throw refuse(
        `反馈医保经办机构前请写明核查情况（为何不属于本店业务范围，至少${COMPLAINT_MIN_TEXT.checkResult}个字）`,
      );
    if (!filled(step.agency, COMPLAINT_MIN_TEXT.agency))
      throw refuse('不属于本店业务范围的投诉举报须写明反馈的当地医保经办机构');
  }
}
