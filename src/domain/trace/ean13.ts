import { hasValidCheckDigit } from './check-digit';

/** EAN-13 product barcode (商品条码) on a drug pack: identifies the product, never the pack. */
export type Ean13Result = { ok: true; gtin: string } | { ok: false; reason: string };

export function parseEan13(text: string): Ean13Result {
  if (!/^\d{13}$/.test(text)) return { ok: false, reason: '商品条码应为13位数字' };
  if (!hasValidCheckDigit(text))
    return { ok: false, reason: `商品条码 ${text} 校验位错误，请重扫` };
  return { ok: true, gtin: text };
}

/** GTIN-13 → GTIN-14 (leading zero) so both forms compare equal. */
export function toGtin14(gtin: string): string {
  return gtin.padStart(14, '0');
}
