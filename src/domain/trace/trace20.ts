/**
 * Chinese drug traceability code (药品追溯码, center-protocol §5): 20 digits, a 7-digit product
 * identifier whose first digit is 8, then a 13-digit serial. There is no public check-digit
 * algorithm, so only digits, length and prefix are validated here; the product identifier is
 * matched against the catalog by the caller.
 */
export interface Trace20 {
  code: string;
  productId: string;
  serial: string;
}

export type Trace20Result = { ok: true; value: Trace20 } | { ok: false; reason: string };

export function parseTrace20(text: string): Trace20Result {
  const digits = text.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(digits)) return { ok: false, reason: '药品追溯码只含数字' };
  if (digits.length !== 20) {
    return {
      ok: false,
      reason: `药品追溯码应为20位数字，实际 ${digits.length} 位，可能扫码不完整`,
    };
  }
  if (!digits.startsWith('8')) return { ok: false, reason: '药品追溯码应以 8 开头' };
  return {
    ok: true,
    value: { code: digits, productId: digits.slice(0, 7), serial: digits.slice(7) },
  };
}
