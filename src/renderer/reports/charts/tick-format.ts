/** Axis labels: plain counts with thousands separators, large ones in 万 / 亿 as Chinese readers expect. */
export function formatTick(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  if (abs >= 1e8) return `${trim(value / 1e8)}亿`;
  if (abs >= 1e4) return `${trim(value / 1e4)}万`;
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return trim(value);
}

function trim(v: number): string {
  return Number.parseFloat(v.toFixed(2)).toString();
}

/** Integer fen → yuan as a number, for chart geometry (labels use formatFen). */
export const fenToYuan = (fen: number): number => fen / 100;
