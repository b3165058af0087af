/** Integer fen → '¥1,234.56' (negative: '-¥12.30'). */
export function formatFen(fen: number): string {
  if (!Number.isFinite(fen)) return '—';
  const n = Math.round(fen);
  const abs = Math.abs(n);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = String(abs % 100).padStart(2, '0');
  return `${n < 0 ? '-' : ''}¥${yuan}.${cents}`;
}
