import { maskToken } from '../mask';
import { isDrugCodeKind, type ScanKind, visibleText } from './classify';

/**
 * What a screen may show of a scan. Pack codes are printed on the pack and shown in full; an
 * e-voucher or prescription QR is a credential and is masked; anything unrecognised may be a
 * password or token typed fast, so only its length is shown, never its text.
 */
export function scanDisplayText(kind: ScanKind, text: string): string {
  if (isDrugCodeKind(kind)) return visibleText(text);
  if (kind === 'evoucher' || kind === 'rx-qr') return maskToken(text);
  return `${[...text].length} 个字符，内容不显示`;
}
