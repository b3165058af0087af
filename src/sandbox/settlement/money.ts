/** Amounts on the wire are yuan numbers; the center computes in integer fen. */

export function yuan(fenAmount: number): number {
  return Math.round(fenAmount) / 100;
}

/** A non-negative decimal (number or numeric text) with at most `decimals` places, scaled. */
export function scaled(v: unknown, decimals: number): number | null {
  const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const [whole = '', frac = ''] = text.split('.');
  if (frac.replace(/0+$/, '').length > decimals) return null;
  const n = Number(whole) * 10 ** decimals + Number(frac.padEnd(decimals, '0').slice(0, decimals));
  return Number.isSafeInteger(n) ? n : null;
}

/** round(a × b / divisor), half up, exact for any safe integers. */
export function mulDiv(a: number, b: number, divisor: number): number {
  const p = BigInt(a) * BigInt(b);
  const d = BigInt(divisor);
  return Number((p * 2n + d) / (2n * d));
}

/** `bp` basis points of an amount, half up. */
export function share(amountFen: number, bp: number): number {
  return mulDiv(amountFen, bp, 10_000);
}
