import type { ComplaintState } from '../lifecycle/states';

/** How a complaint or report reached the pharmacy. */
export const COMPLAINT_CHANNELS = {
  counter: '到店',
  phone: '电话',
  letter: '信函',
  online: '网络平台',
  agency: '医保部门转办',
} as const;

export type ComplaintChannel = keyof typeof COMPLAINT_CHANNELS;
export const COMPLAINT_CHANNEL_IDS = Object.keys(COMPLAINT_CHANNELS) as [
  ComplaintChannel,
  ...ComplaintChannel[],
];

/** What a follow-up step writes besides the new state. */
export interface ComplaintFollowUp {
  to: Exclude<ComplaintState, 'received'>;
  /** 核查结果: what the check found. */
  checkResult?: string | undefined;
  /** 纠正措施: what the pharmacy changed. */
  correction?: string | undefined;
  /** 反馈的医保经办机构: the agency a complaint outside the pharmacy's remit went to. */
  agency?: string | undefined;
  note?: string | undefined;
}

/** Shortest texts that still say something (a check result of one character says nothing). */
export const COMPLAINT_MIN_TEXT = { subject: 4, checkResult: 4, correction: 2, agency: 2 } as const;
