/**
 * What a completed scan is. Scan input is hostile input (published prescription barcode samples
 * carry script and padding payloads): it is bounded and sanitised before anything routes it.
 */

export const MAX_SCAN_LENGTH = 512;

/** Chinese drug traceability code (药品追溯码): 20 digits, first digit 8. */
const TRACEABILITY = /^8\d{19}$/;
/** E-prescription QR (处方二维码, decoded by 7201): `EPCQR01` + the 20-character rxTraceCode. */
export const RX_QR_PREFIX = 'EPCQR01';
const RX_QR = /^EPCQR01[0-9A-Z]{20}$/;
/** NHSA e-voucher (医保电子凭证) QR token: 20–64 letters and digits. */
const EVOUCHER = /^[0-9a-zA-Z]{20,64}$/;
const NON_ASCII = /[^\x20-\x7e]/;
const SCRIPT_LIKE = /[<>]|javascript:|vbscript:|data:text|\bon[a-z]+\s*=|\beval\s*\(|\$\{|&#/i;

export type ScanRejection = 'empty' | 'too-long' | 'control' | 'non-ascii' | 'script';

export type ScanClassification =
  | { kind: 'evoucher'; text: string }
  | { kind: 'rx-qr'; text: string }
  | { kind: 'traceability'; text: string }
  | { kind: 'unknown'; text: string; message: string }
  | { kind: 'rejected'; reason: ScanRejection; message: string };

export type ScanKind = ScanClassification['kind'];

export const SCAN_KIND_LABELS: Record<ScanKind, string> = {
  evoucher: '医保电子凭证',
  'rx-qr': '电子处方二维码',
  traceability: '药品追溯码',
  unknown: '无法识别',
  rejected: '已拒收',
};

const REJECTION_MESSAGES: Record<ScanRejection, string> = {
  empty: '扫码内容为空，请重扫',
  'too-long': `扫码内容超过 ${MAX_SCAN_LENGTH} 个字符，已拒收`,
  control: '扫码内容含有控制字符，已拒收。请检查扫码枪设置',
  'non-ascii': '扫码内容含有非ASCII字符，已拒收。请检查扫码枪设置',
  script: '扫码内容含有脚本或标记字符，疑似恶意条码，已拒收',
};

function hasControlCharacter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
}

function reject(reason: ScanRejection): ScanClassification {
  return { kind: 'rejected', reason, message: REJECTION_MESSAGES[reason] };
}

export function classifyScan(raw: string): ScanClassification {
  if (raw.length > MAX_SCAN_LENGTH) return reject('too-long');
  if (hasControlCharacter(raw)) return reject('control');
  if (NON_ASCII.test(raw)) return reject('non-ascii');
  // Padding around a code is tolerated; padding inside it is not.
  const text = raw.trim();
  if (text === '') return reject('empty');
  if (SCRIPT_LIKE.test(text)) return reject('script');
  if (TRACEABILITY.test(text)) return { kind: 'traceability', text };
  // Checked before the e-voucher: a prescription QR is 27 letters and digits as well.
  if (RX_QR.test(text)) return { kind: 'rx-qr', text };
  if (EVOUCHER.test(text)) return { kind: 'evoucher', text };
  return {
    kind: 'unknown',
    text,
    message:
      '无法识别的条码：既不是医保电子凭证或电子处方二维码，也不是药品追溯码。请核对后重扫，或手工输入',
  };
}
