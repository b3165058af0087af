import { AppError } from '../errors';
import type { InsuranceStanding } from './insurance-standing';

/** Who gave the consent: the patient, a guardian or an agent (as on a 自费用药知情同意书). */
export type SelfPayConfirmer = 'self' | 'guardian' | 'agent';

/**
 * The words shown to the patient before an e-prescription is settled as 自费 (D45). They are
 * stored with the consent exactly as shown, so they must not depend on anything but the standing.
 */
export function rxSelfPayConsentWords(statusText: string): string {
  return [
    `您的基本医疗保险参保状态为“${statusText}”，本次不能使用医保结算。`,
    '您同意本电子处方的药品按自费结算：费用由您个人全额支付，医保基金支付 0.00 元，',
    '本次购药不计入医保报销；恢复参保后也不能在本店改按医保结算。',
  ].join('');
}

/**
 * 自费结算 of an e-prescription is offered only to a person whose basic insurance 1101 last said
 * is not in force (R-SETTLE): an insured person is settled with the fund as prescribed, and a
 * person not yet identified must be identified first.
 */
export function assertSelfPayOffered(s: InsuranceStanding | undefined): InsuranceStanding {
  if (!s) {
    throw new AppError(
      'POLICY',
      '尚未查询参保人的参保状态：请先读取医保电子凭证或身份证识别身份，确认不是正常参保后才能自费结算',
      { ruleId: 'R-SETTLE' },
    );
  }
  if (s.settleable) {
    throw new AppError(
      'POLICY',
      '参保人基本医疗保险为正常参保，应按医保结算：本处方不提供自费结算，请调剂后按医保结算',
      { ruleId: 'R-SETTLE' },
    );
  }
  return s;
}

/** The consent must be the one the patient was shown for the standing as it is now. */
export function assertWordsShown(shown: string, statusText: string): string {
  const words = rxSelfPayConsentWords(statusText);
  if (shown !== words) {
    throw new AppError(
      'CONFLICT',
      '向患者展示的自费结算告知内容已过期（参保状态已变化），请重新打开自费结算并向患者重新告知',
      { ruleId: 'R-SETTLE' },
    );
  }
  return words;
}

/** Without the patient's recorded consent the prescription is not settled as 自费. */
export function assertConsentRecorded<T>(consent: T | undefined): T {
  if (consent === undefined) {
    throw new AppError('POLICY', '尚未登记患者同意自费结算：请向患者告知并登记其同意后再自费结算', {
      ruleId: 'R-SETTLE',
    });
  }
  return consent;
}
