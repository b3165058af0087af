/** An amount: integer fen for arithmetic, yuan text (two decimals, e.g. "12.80") for display. */
export interface Money {
  fen: number;
  yuan: string;
}

/** Yuan text with two decimals from integer fen: 1280 → "12.80", -5 → "-0.05". */
export function yuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export const money = (fen: number): Money => ({ fen, yuan: yuanText(fen) });

/** Yuan on the wire (number or numeric string, ≤ 2 decimals) to integer fen, half-up. */
export function fenOf(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(String(value ?? '0'));
  if (!Number.isFinite(n)) return 0;
  return Math.round(n * 100 + (n >= 0 ? 1e-9 : -1e-9));
}

/** Integer fen to the yuan number the wire carries (exact for two decimals). */
export const yuanNumber = (fen: number): number => Number(yuanText(fen));
