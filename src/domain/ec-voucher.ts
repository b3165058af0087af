/**
 * The e-voucher password that confirms a card or ID-number authorisation (R-AUTH,
 * 004 ST-EPC-02-001 and -005), and the help the pharmacist gives when it fails.
 */

/** 医保电子凭证密码: six digits. */
export const EC_PASSWORD_PATTERN = /^\d{6}$/;

/** What the center's refusal says, as the sandbox words it (the counter recognises these). */
export const EC_VOUCHER_REFUSALS = {
  missing: '须参保人输入医保电子凭证密码',
  notActivated: '医保电子凭证未激活',
  wrong: '医保电子凭证密码错误',
  locked: '医保电子凭证密码已锁定',
} as const;

/** Credential types whose authorisation needs the password (02 ID number, 03 social-security card). */
export function needsEcPassword(certType: string): boolean {
  return certType === '02' || certType === '03';
}

export type EcVoucherHelpKind = 'activate' | 'reset';

export interface EcVoucherHelp {
  kind: EcVoucherHelpKind;
  title: string;
  steps: readonly string[];
}

const HELP: Record<EcVoucherHelpKind, EcVoucherHelp> = {
  activate: {
    kind: 'activate',
    title: '引导参保人激活医保电子凭证',
    steps: [
      '请参保人打开“国家医保服务平台”App（或微信/支付宝“医保电子凭证”）',
      '用本人身份证号码实名登录，按提示完成人脸识别，激活医保电子凭证',
      '按提示设置6位医保电子凭证密码',
      '激活后请参保人出示电子凭证二维码，或再次读卡并输入新密码',
    ],
  },
  reset: {
    kind: 'reset',
    title: '引导参保人重置医保电子凭证密码',
    steps: [
      '请参保人打开“国家医保服务平台”App，进入“医保电子凭证”',
      '选择“密码设置”→“忘记密码”，经人脸识别核验本人身份',
      '设置新的6位医保电子凭证密码（重置后锁定解除）',
      '请参保人出示电子凭证二维码，或再次读卡并输入新密码',
    ],
  },
};

/** The help for a center refusal of the password, or null when the refusal is about something else. */
export function ecVoucherHelpFor(centerMessage: string): EcVoucherHelp | null {
  if (centerMessage.includes(EC_VOUCHER_REFUSALS.notActivated)) return HELP.activate;
  if (centerMessage.includes(EC_VOUCHER_REFUSALS.locked)) return HELP.reset;
  return null;
}
