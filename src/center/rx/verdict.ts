import type { RuleId } from '../../domain/rules';
import type { ChainFailureCode } from '../x509';
import type { SignedPayload } from './rx-file';

/**
 * Every outcome of verifying a prescription file (center-protocol §3, R-SIGN / R-LAYOUT,
 * ST-EPC-02-007/008), in the order the checks run; the first failure wins. `title` is the
 * short Chinese label; verdicts carry a more specific `reason`.
 */
export const RX_VERDICT_CODES = {
  OK: { ruleId: 'R-SIGN', title: '电子签名验证通过' },
  FILE_NOT_JSON: { ruleId: 'R-SIGN', title: '处方文件不是有效的 JSON' },
  FILE_SHAPE: { ruleId: 'R-SIGN', title: '处方文件缺少签名所需字段或字段类型错误' },
  ORIGINAL_VALUE_BASE64: { ruleId: 'R-SIGN', title: '签名原文（originalValue）不是有效的 Base64' },
  ORIGINAL_VALUE_JSON: { ruleId: 'R-SIGN', title: '签名原文不是 UTF-8 编码的 JSON' },
  SIGNED_PAYLOAD_INVALID: { ruleId: 'R-SIGN', title: '签名原文缺少签名字段或摘要' },
  CERT_MALFORMED: { ruleId: 'R-SIGN', title: '签名证书无法解析' },
  CERT_NOT_SM2: { ruleId: 'R-SIGN', title: '签名证书不是 SM2 国密证书' },
  CERT_SN_MISMATCH: { ruleId: 'R-SIGN', title: '签名证书序列号与处方所附证书不符' },
  CERT_DN_MISMATCH: { ruleId: 'R-SIGN', title: '签名证书主题与处方所附证书不符' },
  CERT_INSTITUTION_MISMATCH: { ruleId: 'R-SIGN', title: '签名证书不属于开方机构' },
  CERT_UNKNOWN_CA: { ruleId: 'R-SIGN', title: '签名证书不是受信任的 CA 签发' },
  CERT_ISSUER_NOT_CA: { ruleId: 'R-SIGN', title: '签发者不是 CA 证书' },
  CERT_BAD_CA_SIGNATURE: { ruleId: 'R-SIGN', title: '签名证书的 CA 签名无效' },
  CERT_UNUSABLE: { ruleId: 'R-SIGN', title: '签名证书含无法处理的关键扩展' },
  CERT_NOT_YET_VALID: { ruleId: 'R-SIGN', title: '签名证书尚未生效' },
  CERT_EXPIRED: { ruleId: 'R-SIGN', title: '签名证书已过期' },
  CERT_REVOKED: { ruleId: 'R-SIGN', title: '签名证书已被吊销' },
  CRL_MISSING: { ruleId: 'R-SIGN', title: '缺少证书吊销列表，无法检查吊销状态' },
  CRL_STALE: { ruleId: 'R-SIGN', title: '证书吊销列表已过期' },
  CRL_BAD_SIGNATURE: { ruleId: 'R-SIGN', title: '证书吊销列表签名无效' },
  CRL_NOT_AUTHORIZED: { ruleId: 'R-SIGN', title: '证书吊销列表的签发机构无权签发吊销列表' },
  SIGN_DIGEST_MALFORMED: { ruleId: 'R-SIGN', title: '签名值（signDigest）格式错误' },
  SIGNATURE_INVALID: { ruleId: 'R-SIGN', title: '电子签名验证不通过' },
  DRUG_LINES_MALFORMED: { ruleId: 'R-SIGN', title: '药品明细无法规范化' },
  DRUG_LINES_TAMPERED: { ruleId: 'R-SIGN', title: '药品明细与签名摘要不符' },
  LAYOUT_FILE_MALFORMED: { ruleId: 'R-LAYOUT', title: '版式文件（rx_file）不是有效的 Base64' },
  LAYOUT_FILE_SWAPPED: { ruleId: 'R-LAYOUT', title: '版式文件与签名摘要不符' },
  SIGNERS_MISSING: { ruleId: 'R-SIGNERS', title: '处方缺少医师或医院药师的审核签名' },
  UNVERIFIABLE: { ruleId: 'R-SIGN', title: '处方文件无法验证' },
} as const satisfies Record<string, { ruleId: RuleId; title: string }>;

export type RxVerdictCode = keyof typeof RX_VERDICT_CODES;

export const CHAIN_FAILURE_CODES: Record<ChainFailureCode, RxVerdictCode> = {
  UNKNOWN_CA: 'CERT_UNKNOWN_CA',
  NOT_CA: 'CERT_ISSUER_NOT_CA',
  BAD_CERT_SIGNATURE: 'CERT_BAD_CA_SIGNATURE',
  MALFORMED: 'CERT_UNUSABLE',
  NOT_YET_VALID: 'CERT_NOT_YET_VALID',
  EXPIRED: 'CERT_EXPIRED',
  REVOKED: 'CERT_REVOKED',
  CRL_MISSING: 'CRL_MISSING',
  CRL_STALE: 'CRL_STALE',
  CRL_BAD_SIGNATURE: 'CRL_BAD_SIGNATURE',
  CRL_NOT_AUTHORIZED: 'CRL_NOT_AUTHORIZED',
};

/** What the counter shows about the signing certificate; times in Beijing time. */
export interface RxCertSummary {
  serial: string;
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  /** The certificate's CN (the institution's signing name); O when there is no CN. */
  institution: string;
}

export interface RxVerdict {
  valid: boolean;
  code: RxVerdictCode;
  /** Chinese, specific to this file. */
  reason: string;
  ruleId: RuleId;
  cert?: RxCertSummary;
  payload?: SignedPayload;
  /** Chinese notes that do not change the verdict (e.g. revocation not checked on request). */
  warnings: string[];
}

export interface VerdictExtras {
  cert?: RxCertSummary;
  payload?: SignedPayload;
  warnings?: string[];
}

export function verdict(
  code: RxVerdictCode,
  reason: string,
  extras: VerdictExtras = {},
): RxVerdict {
  const v: RxVerdict = {
    valid: code === 'OK',
    code,
    reason,
    ruleId: RX_VERDICT_CODES[code].ruleId,
    warnings: extras.warnings ?? [],
  };
  if (extras.cert) v.cert = extras.cert;
  if (extras.payload) v.payload = extras.payload;
  return v;
}
