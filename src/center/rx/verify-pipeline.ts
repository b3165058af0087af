import { parseDateTime } from '../clock';
import { parseRawSignature } from '../crypto';
import { base64ToBytesStrict, decodeUtf8Strict } from '../crypto/bytes';
import {
  type ChainResult,
  effectiveRevocationTime,
  parseCertificate,
  type Sm2Certificate,
  X509Error,
} from '../x509';
import { certSummary, dnKey, normalizeSignCertSn } from './cert-match';
import {
  rxDrugDetailDigest,
  rxFileSchema,
  type SignedPayload,
  signedPayloadSchema,
} from './rx-file';
import { missingSigners } from './signers';
import { CHAIN_FAILURE_CODES, type RxCertSummary, type RxVerdict, verdict } from './verdict';

/** The certificate of one file: parsed (or why not) and judged against the trust store. */
export type CertCheck =
  | { ok: false; code: 'CERT_MALFORMED' | 'CERT_NOT_SM2'; reason: string }
  | { ok: true; cert: Sm2Certificate; summary: RxCertSummary; chain: ChainResult };

/**
 * The costly steps, so that the single-file verifier and the bulk verifier run the very same
 * pipeline (and so give identical verdicts) while the bulk one caches and reuses buffers.
 */
export interface VerifyEngine {
  checkCertificate(certB64: string): CertCheck;
  verifySignature(message: Uint8Array, signatureB64: string, publicKey: string): boolean;
  /** Hex SM3 of the decoded layout file, or null when `rx_file` is not canonical Base64. */
  layoutDigest(rxFileB64: string): string | null;
}

/** Parse + chain, uncached: what checkCertificate does for a single file. */
export function checkCertificateOnce(
  certB64: string,
  chain: (cert: Sm2Certificate) => ChainResult,
): CertCheck {
  const der = base64ToBytesStrict(certB64);
  if (!der)
    return {
      ok: false,
      code: 'CERT_MALFORMED',
      reason: '签名证书（x_sign_cert）不是有效的 Base64',
    };
  let cert: Sm2Certificate;
  try {
    cert = parseCertificate(der);
  } catch (e) {
    if (e instanceof X509Error && e.code === 'NOT_SM2') {
      return { ok: false, code: 'CERT_NOT_SM2', reason: `签名证书不是 SM2 国密证书：${e.message}` };
    }
    return {
      ok: false,
      code: 'CERT_MALFORMED',
      reason: '签名证书（x_sign_cert）不是有效的 X.509 证书，无法解析',
    };
  }
  return { ok: true, cert, summary: certSummary(cert), chain: chain(cert) };
}

const FIXMEDINS_CODE_RE = /^[A-Z]\d{11}$/;

export function runVerification(input: unknown, engine: VerifyEngine): RxVerdict {
  const shape = rxFileSchema.safeParse(input);
  if (!shape.success) {
    const fields = [...new Set(shape.error.issues.map((i) => i.path.join('.') || '（根）'))];
    return verdict('FILE_SHAPE', `处方文件格式不正确：字段 ${fields.join('、')} 缺失或类型错误`);
  }
  const file = shape.data;

  const originalBytes = base64ToBytesStrict(file.originalValue);
  if (!originalBytes) {
    return verdict('ORIGINAL_VALUE_BASE64', '签名原文（originalValue）不是有效的 Base64 编码');
  }
  let json: unknown;
  try {
    json = JSON.parse(decodeUtf8Strict(originalBytes));
  } catch {
    return verdict('ORIGINAL_VALUE_JSON', '签名原文（originalValue）解码后不是 UTF-8 编码的 JSON');
  }
  const parsed = signedPayloadSchema.safeParse(json);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '（根）'))];
    return verdict(
      'SIGNED_PAYLOAD_INVALID',
      `签名原文缺少签名字段或摘要格式错误：${fields.join('、')}`,
    );
  }
  const payload: SignedPayload = parsed.data;

  const check = engine.checkCertificate(file.x_sign_cert);
  if (!check.ok) return verdict(check.code, check.reason, { payload });
  const { cert, summary, chain } = check;
  const extras = { payload, cert: summary };

  const sn = normalizeSignCertSn(file.signCertSn);
  if (sn !== cert.serialHex) {
    return verdict(
      'CERT_SN_MISMATCH',
      `处方声明的签名证书序列号（${file.signCertSn}）与所附签名证书的序列号（${cert.serialHex}）不符`,
      extras,
    );
  }
  if (dnKey(file.signCertDn) !== dnKey(cert.subjectDn)) {
    return verdict(
      'CERT_DN_MISMATCH',
      `处方声明的签名证书主题（${file.signCertDn}）与所附签名证书的主题（${cert.subjectDn}）不符`,
      extras,
    );
  }
  const warnings: string[] = [];
  const code = cert.subject.flat().find((a) => a.type === 'serialNumber')?.value;
  if (code && FIXMEDINS_CODE_RE.test(code) && code !== payload.fixmedinsCode) {
    return verdict(
      'CERT_INSTITUTION_MISMATCH',
      `签名证书属于机构 ${code}，而处方的开方机构编码为 ${payload.fixmedinsCode}：不是开方机构的证书`,
      extras,
    );
  }
  if (!code && summary.institution !== payload.fixmedinsName) {
    warnings.push(
      `签名证书未载明机构编码，请核对证书机构（${summary.institution}）与开方机构（${payload.fixmedinsName}）是否一致`,
    );
  }

  if (!chain.ok) {
    let reason = chain.message;
    const signedAt = parseDateTime(payload.pharChkTime);
    if (chain.code === 'REVOKED' && chain.revocation && signedAt) {
      const after = effectiveRevocationTime(chain.revocation) > signedAt.getTime();
      reason += after
        ? `；吊销发生在处方审核签名（${payload.pharChkTime}）之后，但处方验证以当前吊销状态为准`
        : `；处方审核签名时间（${payload.pharChkTime}）在吊销生效之后`;
    }
    return verdict(CHAIN_FAILURE_CODES[chain.code], reason, extras);
  }
  warnings.push(...chain.warnings);
  const withWarnings = { ...extras, warnings };

  if (!parseRawSignature(file.signDigest)) {
    return verdict(
      'SIGN_DIGEST_MALFORMED',
      '签名值（signDigest）不是 Base64 编码的 64 字节 SM2 签名（r‖s）',
      withWarnings,
    );
  }
  if (!engine.verifySignature(originalBytes, file.signDigest, cert.publicKey)) {
    return verdict(
      'SIGNATURE_INVALID',
      `电子签名验证不通过：签名原文与签名值不符（处方内容可能被篡改，或并非由证书 ${cert.serialHex} 的私钥签名）`,
      withWarnings,
    );
  }

  let linesDigest: string;
  try {
    linesDigest = rxDrugDetailDigest(file.rxdrugdetail);
  } catch (e) {
    return verdict(
      'DRUG_LINES_MALFORMED',
      `药品明细无法规范化：${(e as Error).message}`,
      withWarnings,
    );
  }
  if (linesDigest !== payload.x_rxdrugdetail_sm3.toLowerCase()) {
    return verdict(
      'DRUG_LINES_TAMPERED',
      `药品明细与签名中的摘要不符：共 ${file.rxdrugdetail.length} 行药品，至少一行在签名后被修改、增加或删除`,
      withWarnings,
    );
  }

  const fileDigest = engine.layoutDigest(file.rx_file);
  if (fileDigest === null) {
    return verdict(
      'LAYOUT_FILE_MALFORMED',
      '版式文件（rx_file）不是有效的 Base64 编码',
      withWarnings,
    );
  }
  if (fileDigest !== payload.x_rx_file_sm3.toLowerCase()) {
    return verdict(
      'LAYOUT_FILE_SWAPPED',
      '版式文件与签名中的摘要不符：版式文件在签名后被替换或修改，不得结算',
      withWarnings,
    );
  }

  const unsigned = missingSigners(payload);
  if (unsigned.length > 0) {
    return verdict(
      'SIGNERS_MISSING',
      `处方缺少医师或医疗机构药师的签名信息：${unsigned.join('、')}为空；未经医保医师签名和医院药师审核签名的处方不得调剂`,
      withWarnings,
    );
  }

  return verdict(
    'OK',
    `电子签名验证通过：${summary.institution}（证书序列号 ${cert.serialHex}，有效期至 ${summary.notAfter}）；签名、证书链、吊销状态、药品明细与版式文件摘要均一致`,
    withWarnings,
  );
}
