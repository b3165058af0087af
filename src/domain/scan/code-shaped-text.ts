import { AppError } from '../errors';
import type { RuleId } from '../rules';
import { classifyScan, SCAN_KIND_LABELS, type ScanKind } from './classify';
import { GS } from './keycode-map';

/** What a scanner delivers that has no place in a written text: credentials and pack codes. */
const CODE_KINDS: ReadonlySet<ScanKind> = new Set([
  'evoucher',
  'rx-qr',
  'traceability',
  'gs1',
  'ma',
]);

/** Shorter runs are words, dates, doses or a drug's 13-digit barcode, not a scan. */
const MIN_RUN = 16;
/** A run of printable ASCII without spaces: where a scan lands inside Chinese prose. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: GS (0x1D) is part of a scanned GS1 code
const ASCII_RUN = /[\x21-\x7e\x1d]+/g;
/** A national drug code (医保药品编码, e.g. XJ01CAA040A001010100435) may be quoted in an opinion. */
const NATIONAL_DRUG_CODE = /^[A-Z][A-Z0-9]{22}$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: GS (0x1D) marks a scanned GS1 code
const GS1_MARKERS = /\x1d|<GS>|\{GS\}|\[GS\]|\(01\)\d{14}/i;

export interface CodeShape {
  kind: ScanKind;
  length: number;
}

/**
 * The first e-voucher token, prescription QR, 20-digit trace code, GS1 or MA string inside a
 * free text (a scanner emptied into a text field), or null for ordinary prose.
 */
export function codeShapeIn(text: string, now: Date): CodeShape | null {
  if (GS1_MARKERS.test(text)) return { kind: 'gs1', length: text.length };
  for (const [run] of text.matchAll(ASCII_RUN)) {
    if (run.length < MIN_RUN || NATIONAL_DRUG_CODE.test(run)) continue;
    const scan = classifyScan(run.replaceAll(GS, '<GS>'), now);
    if (CODE_KINDS.has(scan.kind)) return { kind: scan.kind, length: run.length };
  }
  return null;
}

/**
 * Refuses a free-text field (review opinion, registration note, reason) that carries a scan: a
 * pharmacist's e-voucher must never be stored or uploaded as her opinion. Nothing is echoed.
 */
export function assertNoScannedCode(field: string, text: string, ruleId: RuleId, now: Date): void {
  const shape = codeShapeIn(text, now);
  if (!shape) return;
  throw new AppError(
    'VALIDATION',
    `「${field}」中含有扫码内容（疑似${SCAN_KIND_LABELS[shape.kind]}，${shape.length} 个字符），未保存也未上传。请删除这段内容后重新填写；扫码时请先离开输入框`,
    { ruleId },
  );
}
