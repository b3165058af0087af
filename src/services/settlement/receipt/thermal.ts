import type { ReceiptData } from './receipt-data';

/** Columns of a thermal roll: 58 mm prints 32 half-width characters a line, 80 mm prints 48. */
export const THERMAL_COLUMNS = { thermal58: 32, thermal80: 48 } as const;

/** Printed width: CJK and full-width characters take two columns. */
export function widthOf(text: string): number {
  let w = 0;
  for (const ch of text)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

/** Breaks text into lines of at most `cols` columns. */
export function wrap(text: string, cols: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const ch of text) {
    if (widthOf(line + ch) > cols) {
      out.push(line);
      line = '';
    }
    line += ch;
  }
  if (line !== '' || out.length === 0) out.push(line);
  return out;
}

/** Left text and right text on one line, padded between; wrapped when they do not fit. */
export function spread(left: string, right: string, cols: number): string[] {
  const gap = cols - widthOf(left) - widthOf(right);
  if (gap >= 1) return [`${left}${' '.repeat(gap)}${right}`];
  const head = wrap(left, cols);
  const last = head.at(-1) ?? '';
  const room = cols - widthOf(last) - widthOf(right);
  if (room >= 1) return [...head.slice(0, -1), `${last}${' '.repeat(room)}${right}`];
  return [...head, `${' '.repeat(Math.max(0, cols - widthOf(right)))}${right}`];
}

function center(text: string, cols: number): string {
  const pad = Math.max(0, Math.floor((cols - widthOf(text)) / 2));
  return `${' '.repeat(pad)}${text}`;
}

/** Fixed-width text lines for a thermal printer; no line is wider than `cols`. */
export function thermalLines(r: ReceiptData, cols: number): string[] {
  const rule = '-'.repeat(cols);
  const out = [
    ...wrap(r.pharmacyName, cols).map((l) => center(l, cols)),
    center(r.title, cols),
    rule,
  ];
  for (const [k, v] of r.rows) out.push(...spread(`${k}：`, v, cols));
  out.push(rule);
  for (const l of r.lines) {
    out.push(...wrap(l.name, cols), ...spread(`  ${l.qty}`, l.total, cols));
    for (const n of l.notes) out.push(...wrap(`  * ${n}`, cols));
    for (const c of l.codes) out.push(...wrap(`  ${c}`, cols));
  }
  out.push(rule);
  for (const [k, v] of r.totals) out.push(...spread(k, v, cols));
  out.push(rule, ...r.footer.flatMap((f) => wrap(f, cols)));
  if (r.guidance && r.guidance.length > 0) {
    out.push(rule, center('用药指导', cols), ...r.guidance.flatMap((g) => wrap(g, cols)));
  }
  return out;
}
