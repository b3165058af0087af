import { z } from 'zod';

/**
 * 7206 电子处方审方信息上传 (research §2.2, node `rx_chk_up_info`, all fields required), shared
 * by the app and the sandbox. The public record names `rx_chk_stas_codg` and `phar_cert_type`
 * as dictionaries without values; these are ours (center-protocol §4: one table in code).
 */
export const RX_CHK_STATUS = {
  pass: { codg: '1', name: '审核通过' },
  reject: { codg: '2', name: '审核不通过' },
} as const;

export type RxChkResult = keyof typeof RX_CHK_STATUS;

export function rxChkResultOf(codg: string): RxChkResult | null {
  if (codg === RX_CHK_STATUS.pass.codg) return 'pass';
  if (codg === RX_CHK_STATUS.reject.codg) return 'reject';
  return null;
}

/** phar_cert_type: 01 居民身份证 (the psn_cert_type value of 1101). */
export const PHAR_CERT_TYPE_ID_CARD = '01';

export const RX_CHK_OPNN_MAX = 2000;

export interface RxChkUpInfo {
  hi_rxno: string;
  epc_token: string;
  ec_token: string;
  fixmedins_code: string;
  fixmedins_name: string;
  phar_cert_type: string;
  phar_certno: string;
  phar_code: string;
  phar_name: string;
  rx_chk_opnn: string;
  /** yyyy-MM-dd HH:mm:ss */
  rx_chk_time: string;
  rx_chk_stas_codg: string;
  /** From 7205; empty only for a reject of a prescription the center never verified. */
  rx_sign_verify_sn: string;
}

export const out7206Schema = z.object({
  data: z.object({
    /** 处方审核业务流水号, 30 characters. */
    rx_chk_biz_sn: z.string().length(30),
    msg_code: z.string().optional(),
    flag: z.string().optional(),
  }),
});
