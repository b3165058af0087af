/** One row of `npm run bench`: what was measured, the figure, its unit and how it was measured. */
export interface BenchRow {
  area: string;
  name: string;
  value: number;
  unit: string;
  note?: string;
  /** The figure an issue asked for; `npm run bench` ends with one meets/misses line per target. */
  target?: BenchTarget;
}

export interface BenchTarget {
  /** `<` and `≤` for ceilings (times, stalls), `≥` for floors (rates, speed-ups). */
  op: '<' | '≤' | '≥';
  limit: number;
  /** The figure judged when it is not the row's value (e.g. the p99 of a row that shows the median). */
  measured?: { value: number; what: string };
}

export function meetsTarget(value: number, t: BenchTarget): boolean {
  if (t.op === '<') return value < t.limit;
  if (t.op === '≤') return value <= t.limit;
  return value >= t.limit;
}

/** One line per target: `meets` or `MISSES`, what, the target and the figure. */
export function formatVerdicts(rows: BenchRow[]): string {
  return rows
    .filter((r): r is BenchRow & { target: BenchTarget } => r.target !== undefined)
    .map((r) => {
      const figure = r.target.measured?.value ?? r.value;
      const what = r.target.measured ? ` (${r.target.measured.what})` : '';
      const verdict = meetsTarget(figure, r.target) ? 'meets ' : 'MISSES';
      return `${verdict} ${r.area} / ${r.name}${what}: target ${r.target.op} ${formatNumber(r.target.limit)} ${r.unit}, measured ${formatNumber(figure)} ${r.unit}`;
    })
    .join('\n');
}

export function formatTable(rows: BenchRow[]): string {
  const header = ['area', 'measure', 'value', 'unit', 'note'];
  const body = rows.map((r) => [r.area, r.name, formatNumber(r.value), r.unit, r.note ?? '']);
  const widths = header.map((h, i) =>
    Math.max(width(h), ...body.map((row) => width(row[i] ?? ''))),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => pad(c, widths[i] ?? 0)).join(' | ')} |`;
  const sep = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(header), sep, ...body.map(line)].join('\n');
}

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return n.toLocaleString('en-US');
  return n >= 100 ? n.toFixed(0) : n.toFixed(n >= 1 ? 2 : 3);
}

/** Display width: CJK characters take two columns in a terminal. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}

/** Median and p99 of a list of samples (milliseconds). */
export function percentiles(samples: number[]): { median: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p99: at(0.99) };
}
