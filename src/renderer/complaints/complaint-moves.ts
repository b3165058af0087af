import { COMPLAINT_STATE_LABELS } from '../../domain/lifecycle/state-labels';
import type { ComplaintState } from '../../domain/lifecycle/states';
import { TRANSITIONS } from '../../domain/lifecycle/transitions';

export type FollowUpState = Exclude<ComplaintState, 'received'>;

/** The follow-up steps a complaint in `state` may take, in the table's order, with their labels. */
export function nextSteps(state: ComplaintState): Array<{ to: FollowUpState; label: string }> {
  return (TRANSITIONS.complaint[state] as readonly FollowUpState[]).map((to) => ({
    to,
    label: STEP_LABELS[to] ?? COMPLAINT_STATE_LABELS[to],
  }));
}

const STEP_LABELS: Partial<Record<FollowUpState, string>> = {
  checking: '开始核查',
  corrected: '核查纠正',
  referred: '反馈医保经办机构（不属于本店业务范围）',
  closed: '办结',
};
