import { sm2SignFast } from '../../../center/crypto';
import {
  rxDrugDetailDigest,
  rxFileDigest,
  SIGNED_FIELDS,
  type SignedPayload,
  signedPayloadSchema,
} from '../../../center/rx/rx-file';
import { RX_STATUS } from '../../../center/rx/rx-status';
import { currentInstitutionCert } from '../../ca/institution-certs';
import { isObject } from '../../http-util';
import { Refusal } from '../../refusal';
import { uploadOf } from '../../rx/rx-store';
import { snakeDrugLines, snakeKey } from '../../rx/snake-case';
import { EPC_CODES } from '../codes';
import type { EpcRoute } from '../context';
import { FieldReader } from '../fields';
import { ownRx } from '../own-rx';

const MAX_FILE_BYTES = 8 * 1024 * 1024;

function decodeBase64(text: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  return Buffer.from(text, 'base64');
}

/** What originalValue decodes to, or the reason it is not a signed payload. */
function decodePayload(originalValue: string): SignedPayload | string {
  const bytes = decodeBase64(originalValue);
  if (!bytes) return '原始值（originalValue）不是有效的 Base64';
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    return '原始值（originalValue）解码后不是 JSON';
  }
  const parsed = signedPayloadSchema.safeParse(json);
  return parsed.success ? parsed.data : '原始值（originalValue）缺少签名字段或摘要';
}

/**
 * rxFixmedinsSign 医保电子签名 (research §2.1): the center checks that originalValue is the
 * prescription it pre-checked (fields, drug-line digest, layout-file digest) and signs the
 * decoded bytes with the institution's key, which only the center holds: SM3withSM2, user id
 * 1234567812345678, Base64 raw r‖s. The file is returned unchanged as `rxFile`.
 */
export const rxFixmedinsSign: EpcRoute = (ctx) => {
  const f = new FieldReader();
  const fixmedinsCode = f.required(ctx.data, 'fixmedinsCode', '定点医疗机构编号');
  const originalValue = f.required(ctx.data, 'originalValue', '原始值');
  const originalRxFile = f.required(ctx.data, 'originalRxFile', '原始处方版式文件');
  f.done();
  const payload = decodePayload(originalValue);
  if (typeof payload === 'string') throw new Refusal(payload, EPC_CODES.validation);
  const hiRxno = f.text(ctx.data, 'hiRxno') || payload.hiRxno;
  if (hiRxno !== payload.hiRxno) {
    throw new Refusal('医保处方编号（hiRxno）与原始值中的不一致', EPC_CODES.validation);
  }
  const row = ownRx(ctx, fixmedinsCode, hiRxno);
  if (row.rx_stas_codg !== RX_STATUS.prechecked.codg) {
    throw new Refusal(`处方已上传（${row.rx_stas_codg}），不能重新签名`, EPC_CODES.conflict);
  }
  const file = decodeBase64(originalRxFile);
  if (file?.subarray(0, 5).toString('latin1') !== '%PDF-' || file.length > MAX_FILE_BYTES) {
    throw new Refusal('原始处方版式文件（originalRxFile）应为 Base64 的 PDF 文件（不超过 8 MB）');
  }

  const upload = uploadOf(row);
  const visit = isObject(upload.mdtrtinfo) ? upload.mdtrtinfo : {};
  const expected: Partial<Record<(typeof SIGNED_FIELDS)[number], string>> = {
    rxTraceCode: row.rx_trace_code,
    hiRxno: row.hi_rxno,
    mdtrtId: row.mdtrt_id,
    patnName: row.patn_name,
    psnCertType: row.psn_cert_type,
    certno: row.certno,
    fixmedinsCode: ctx.app.fixmedinsCode,
    fixmedinsName: ctx.app.fixmedinsName,
  };
  const problems: string[] = [];
  for (const field of SIGNED_FIELDS) {
    const known = expected[field] ?? (typeof visit[field] === 'string' ? visit[field] : '');
    if (known !== '' && payload[field] !== known) problems.push(`${field} 与预核验的处方不符`);
  }
  for (const field of ['drCode', 'prscDrName', 'pharName', 'pharCode', 'pharChkTime'] as const) {
    if (payload[field] === '' && !ctx.uncheckedSigners) {
      problems.push(`${field}（${snakeKey(field)}）不能为空`);
    }
  }
  const lines = Array.isArray(upload.rxdrugdetail) ? upload.rxdrugdetail.filter(isObject) : [];
  if (payload.x_rxdrugdetail_sm3.toLowerCase() !== rxDrugDetailDigest(snakeDrugLines(lines))) {
    problems.push('处方明细摘要（x_rxdrugdetail_sm3）与预核验的处方明细不符');
  }
  if (payload.x_rx_file_sm3.toLowerCase() !== rxFileDigest(file)) {
    problems.push('版式文件摘要（x_rx_file_sm3）与上传的版式文件不符');
  }
  if (problems.length > 0) {
    throw new Refusal(`原始值校验失败：${problems.join('；')}`, EPC_CODES.validation);
  }

  const cert = currentInstitutionCert(ctx.db, fixmedinsCode);
  if (!cert) throw new Refusal('该机构没有有效的签名证书，请联系医保中心', EPC_CODES.conflict);
  const signDigest = sm2SignFast(Buffer.from(originalValue, 'base64'), cert.private_key);
  ctx.db
    .prepare(
      `UPDATE epc_prescriptions SET original_value = ?, rx_file = ?, sign_digest = ?, sign_cert_sn = ?,
         signed_at = ?, updated_at = ? WHERE hi_rxno = ?`,
    )
    .run(
      originalValue,
      file,
      signDigest,
      cert.serial_hex,
      ctx.now.getTime(),
      ctx.now.getTime(),
      hiRxno,
    );
  return {
    rxFile: file.toString('base64'),
    signDigest,
    signCertSn: cert.serial_hex,
    signCertDn: cert.subject_dn,
  };
};
