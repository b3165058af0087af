import { z } from 'zod';
import type { SignedField } from './rx-file';

/**
 * The pharmacy-side e-prescription transactions 7201–7205 on the FSI gateway (center-protocol
 * §1; field names from nhsa-interfaces-research §2.2, our decisions where it is silent). The
 * sandbox answers with these shapes and the app validates every reply against them, so a
 * malformed reply is a clear error, never a half-read prescription.
 *
 * 7201 电子处方二维码解码  in `input.data`: `epc_qrcd` (27 chars: `EPCQR01` + rxTraceCode),
 *      optional `insuplc_admdvs` → `output.data`.
 * 7202 电子处方查询（凭证/证件/社保卡） in `input.data`: `mdtrt_cert_type` 01|02|03,
 *      `mdtrt_cert_no`, `card_sn` (03 only) → `output.rxlist[]`, one single-use `auth_rxno` each.
 * 7203 电子处方下载（结构化） in `input.data`: `epc_token` or `auth_rxno` → data, lines, visit.
 * 7204 电子处方下载（含版式文件与签名） same input → 7203's output plus `rx_file`, the signature
 *      and `x_sign_cert`. A download by `auth_rxno` consumes it and answers a fresh `epc_token`.
 * 7205 电子处方签名核验 in `input.data`: `hi_rxno`, `epc_token`, `sign_digest`, `sign_cert_sn`
 *      → `output.data` with `rx_sign_verify_sn`.
 */
export const EPC_QR_PREFIX = 'EPCQR01';

const str = z.string();
const optStr = z.string().nullish();
/** Amounts and counts arrive as JSON numbers or numeric strings; both are kept as given. */
const numeric = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]);

export const out7201Schema = z.object({
  data: z.object({
    epc_token: str.min(1),
    hi_rxno: str.min(1),
    cert_type: str,
    name: str,
    certno: str,
    insuplc_admdvs: str,
  }),
});

export const rxListItemSchema = z.object({
  auth_rxno: str.min(1),
  hi_rxno: str.min(1),
  fixmedins_code: str,
  fixmedins_name: str,
  prsc_time: str,
  dept_name: optStr,
  diag_name: optStr,
  valid_end_time: str,
  rx_stas_codg: str,
  rx_stas_name: str,
});
export const out7202Schema = z.object({ rxlist: z.array(rxListItemSchema) });

export const rxInfoSchema = z.looseObject({
  hi_rxno: str.min(1),
  rx_trace_code: str.min(1),
  /** Session token for 7205/7206 on this prescription. */
  epc_token: str.min(1),
  fixmedins_code: str.min(1),
  fixmedins_name: str,
  /** 开方时间 yyyy-MM-dd HH:mm:ss. */
  prsc_time: str,
  /** Our extension: when the prescription reached the center (R-VALID, Chongqing rule). */
  x_upld_time: str,
  rx_type_code: optStr,
  /** 1 = 长期处方 (R-LONGRX). */
  long_rx_flag: optStr,
  valid_days: numeric,
  valid_end_time: str,
  rx_drug_nums: numeric.nullish(),
  rx_stas_codg: str,
  rx_stas_name: str,
});

export const rxDrugLineSchema = z.looseObject({
  med_list_codg: str.min(1),
  drug_genname: str.min(1),
  drug_prodname: optStr,
  drug_spec: optStr,
  drug_dosform: optStr,
  /** Packs prescribed. */
  drug_cnt: numeric,
  /** Pack unit, e.g. 盒. */
  drug_dosunt: optStr,
  sin_doscnt: numeric.nullish(),
  sin_dosunt: optStr,
  used_frqu_codg: optStr,
  used_frqu_name: optStr,
  medc_way_codg: optStr,
  medc_way_dscr: optStr,
  /** Days of medication of this line (R-LONGRX). */
  medc_days: numeric.nullish(),
  drug_pric: numeric.nullish(),
  drug_sumamt: numeric.nullish(),
  /** Our extension: the physician's special instruction for the line (医嘱特殊说明, R-GUIDE). */
  x_dr_instr: optStr,
});

export const mdtrtInfoSchema = z.looseObject({
  mdtrt_id: str,
  psn_no: optStr,
  patn_name: str,
  psn_cert_type: str,
  certno: str,
  insuplc_admdvs: optStr,
  dr_code: str,
  prsc_dr_name: str,
  prsc_dept_name: optStr,
  phar_dept_name: str,
  phar_dept_code: str,
  phar_profttl_codg: str,
  phar_profttl_name: str,
  phar_code: str,
  phar_cert_type: str,
  phar_certno: str,
  phar_name: str,
  phar_prac_cert_no: str,
  phar_chk_time: str,
  maindiag_code: optStr,
  maindiag_name: optStr,
});

export const diseInfoSchema = z.looseObject({
  diag_code: str,
  diag_name: str,
  maindiag_flag: optStr,
});

export const out7203Schema = z.object({
  data: rxInfoSchema,
  rxdrugdetail: z.array(rxDrugLineSchema).min(1),
  mdtrtinfo: mdtrtInfoSchema,
  diseinfo: z.array(diseInfoSchema),
});

export const out7204Schema = out7203Schema.extend({
  data: rxInfoSchema.extend({
    /** Base64 PDF layout file. */
    rx_file: str.min(1),
    originalValue: str.min(1),
    signDigest: str.min(1),
    signCertSn: str.min(1),
    signCertDn: str.min(1),
    /** Base64 DER of the institution's signing certificate. */
    x_sign_cert: str.min(1),
  }),
});

export const out7205Schema = z.object({
  data: z.object({
    rx_sign_verify_sn: str.min(1),
    /** 1 = 验签通过, 0 = 不通过. */
    vrf_rslt: z.enum(['0', '1']),
    vrf_msg: str,
    sign_cert_sn: str,
    sign_cert_dn: str,
    cert_begntime: str,
    cert_endtime: str,
    /** 1 正常, 2 已吊销, 3 已过期. */
    cert_stas: z.enum(['1', '2', '3']),
    fixmedins_code: str,
    fixmedins_name: str,
    rx_stas_codg: str,
    rx_stas_name: str,
  }),
});

export type Out7201 = z.infer<typeof out7201Schema>;
export type Out7202 = z.infer<typeof out7202Schema>;
export type Out7203 = z.infer<typeof out7203Schema>;
export type Out7204 = z.infer<typeof out7204Schema>;
export type Out7205 = z.infer<typeof out7205Schema>;
export type RxDrugLineOut = z.infer<typeof rxDrugLineSchema>;

/** Where each signed field sits in a 7203/7204 reply (snake_case), for the field-by-field check. */
export const SIGNED_FIELD_SOURCES: Readonly<
  Record<SignedField, { node: 'data' | 'mdtrtinfo'; key: string }>
> = {
  rxTraceCode: { node: 'data', key: 'rx_trace_code' },
  hiRxno: { node: 'data', key: 'hi_rxno' },
  mdtrtId: { node: 'mdtrtinfo', key: 'mdtrt_id' },
  patnName: { node: 'mdtrtinfo', key: 'patn_name' },
  psnCertType: { node: 'mdtrtinfo', key: 'psn_cert_type' },
  certno: { node: 'mdtrtinfo', key: 'certno' },
  fixmedinsName: { node: 'data', key: 'fixmedins_name' },
  fixmedinsCode: { node: 'data', key: 'fixmedins_code' },
  drCode: { node: 'mdtrtinfo', key: 'dr_code' },
  prscDrName: { node: 'mdtrtinfo', key: 'prsc_dr_name' },
  pharDeptName: { node: 'mdtrtinfo', key: 'phar_dept_name' },
  pharDeptCode: { node: 'mdtrtinfo', key: 'phar_dept_code' },
  pharProfttlCodg: { node: 'mdtrtinfo', key: 'phar_profttl_codg' },
  pharProfttlName: { node: 'mdtrtinfo', key: 'phar_profttl_name' },
  pharCode: { node: 'mdtrtinfo', key: 'phar_code' },
  pharCertType: { node: 'mdtrtinfo', key: 'phar_cert_type' },
  pharCertno: { node: 'mdtrtinfo', key: 'phar_certno' },
  pharName: { node: 'mdtrtinfo', key: 'phar_name' },
  pharPracCertNo: { node: 'mdtrtinfo', key: 'phar_prac_cert_no' },
  pharChkTime: { node: 'mdtrtinfo', key: 'phar_chk_time' },
};
