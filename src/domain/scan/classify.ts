/**
 * What a completed scan is. Scan input is hostile input (published prescription barcode samples
 * carry script and padding payloads): it is bounded and sanitised before anything routes it.
 */
import { type ParsedCode, parseScannedCode } from '../trace/parse-scanned-code';
import { GS } from './keycode-map';

export const MAX_SCAN_LENGTH = 512;

/** E-prescription QR (处方二维码, decoded by 7201): `EPCQR01` + the 20-character rxTraceCode. */
export const RX_QR_PREFIX = 'EPCQR01';
const RX_QR = /^EPCQR01[0-9A-Z]{20}$/;
/** NHSA e-voucher (医保电子凭证) QR token: 20–64 letters and digits. */
const EVOUCHER = /^[0-9a-zA-Z]{20,64}$/;
/** A symbology identifier (ISO/IEC 15424) some scanners put in front of every code. */
const SYMBOLOGY_ID = /^\][A-Za-z][0-9A-Za-z]/;
/** Printable stand-ins for GS that scanners can be configured to send (tags only; see below). */
const GS_TAGS = /<GS>|\{GS\}|\[GS\]/gi;
// biome-ignore lint/suspicious/noControlCharactersInRegex: GS (0x1D) is the GS1 FNC1 separator a scanner sends
const NON_ASCII = /[^\x1d\x20-\x7e]/;
const SCRIPT_LIKE = /[<>]|javascript:|vbscript:|data:text|\bon[a-z]+\s*=|\beval\s*\(|\$\{|&#/i;

export type ScanRejection = 'empty' | 'too-long' | 'control' | 'non-ascii' | 'script';

/** Codes printed on a drug pack (center-protocol §5), as parsed by src/domain/trace. */
export type DrugCodeKind = 'traceability' | 'gs1' | 'ma' | 'ean13';

export type ScanClassification =
  | { kind: 'evoucher'; text: string }
  | { kind: 'rx-qr'; text: string }
  | { kind: DrugCodeKind; text: string; parsed: ParsedCode }
  | { kind: 'unknown'; text: string; message: string }
  | { kind: 'rejected'; reason: ScanRejection; message: string };

export type ScanKind = ScanClassification['kind'];

export const SCAN_KIND_LABELS: Record<ScanKind, string> = {
  evoucher: '医保电子凭证',
  'rx-qr': '电子处方二维码',
  traceability: '药品追溯码',
  gs1: 'GS1码',
  ma: 'MA码',
  ean13: '商品条码',
  unknown: '无法识别',
  rejected: '已拒收',
};

const DRUG_KINDS: Readonly<Record<Exclude<ParsedCode['kind'], 'unknown'>, DrugCodeKind>> = {
  trace20: 'traceability',
  gs1: 'gs1',
  ma: 'ma',
  ean13: 'ean13',
};

export function isDrugCodeKind(kind: ScanKind): kind is DrugCodeKind {
  return kind === 'traceability' || kind === 'gs1' || kind === 'ma' || kind === 'ean13';
}

const REJECTION_MESSAGES: Record<ScanRejection, string> = {
  empty: '扫码内容为空，请重扫',
  'too-long': `扫码内容超过 ${MAX_SCAN_LENGTH} 个字符，已拒收`,
  control: '扫码内容含有控制字符，已拒收。请检查扫码枪设置',
  'non-ascii': '扫码内容含有非ASCII字符，已拒收。请检查扫码枪设置',
  script: '扫码内容含有脚本或标记字符，疑似恶意条码，已拒收',
};

const UNKNOWN_MESSAGE =
  '无法识别的条码：既不是医保电子凭证或电子处方二维码，也不是药品追溯码、GS1码、MA码或商品条码。请核对后重扫';

/** GS is the one control character a code may carry (GS1 element strings). */
function hasControlCharacter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x1d) || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
}

function reject(reason: ScanRejection): ScanClassification {
  return { kind: 'rejected', reason, message: REJECTION_MESSAGES[reason] };
}

/** Shows control characters (GS) as readable tags, e.g. for messages and the scanner test page. */
export function visibleText(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this function's job
  return s.replace(/[\x00-\x1f\x7f]/g, (c) =>
    c === GS ? '<GS>' : `<0x${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}>`,
  );
}

const withRescan = (reason: string) =>
  reason.includes('重扫') ? reason : `${reason}，请核对后重扫`;

/** A drug code is taken first; then prescription QR and e-voucher; the parser's reason otherwise. */
function byContent(text: string, now: Date): ScanClassification {
  if (RX_QR.test(text)) return { kind: 'rx-qr', text };
  // Barcodes carry no spaces; the parser's tolerance is for codes typed from the print.
  const parsed: ParsedCode = /\s/.test(text)
    ? { kind: 'unknown', text, reason: '条码中间含有空格，不是完整的条码' }
    : parseScannedCode(text, now);
  if (parsed.kind !== 'unknown') return { kind: DRUG_KINDS[parsed.kind], text, parsed };
  if (EVOUCHER.test(text)) return { kind: 'evoucher', text };
  if (SYMBOLOGY_ID.test(text)) {
    const inner = byContent(text.slice(3), now);
    if (inner.kind !== 'unknown') return inner;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: GS (0x1D) marks a GS1 element string
  const looksLikeDrugCode = /^[\d\s-]+$|^\]|^01\d|^ma\.|\x1d/i.test(text);
  return {
    kind: 'unknown',
    text,
    message: looksLikeDrugCode ? withRescan(parsed.reason) : UNKNOWN_MESSAGE,
  };
}

/** `now`: the moment of the scan, which fixes the century of a GS1 expiry year. */
export function classifyScan(raw: string, now: Date): ScanClassification {
  if (raw.length > MAX_SCAN_LENGTH) return reject('too-long');
  if (hasControlCharacter(raw)) return reject('control');
  if (NON_ASCII.test(raw)) return reject('non-ascii');
  // Padding around a code is tolerated; padding inside it is not.
  const text = raw.trim().replace(GS_TAGS, GS);
  if (text === '') return reject('empty');
  if (SCRIPT_LIKE.test(text)) return reject('script');
  return byContent(text, now);
}
