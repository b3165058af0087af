import { filledRect, type Rgb, strokeLine, textLine } from '../../../domain/pdf/cjk-text-pdf';
import type { BarChart } from './report-document';

/** The chart's box on the page, in points (lower-left origin). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const AXIS: Rgb = [0.3, 0.3, 0.3];
const GRID: Rgb = [0.85, 0.85, 0.85];
const LABEL = 6;
const AXIS_ROOM = 48;
const LEGEND_ROOM = 14;
const X_LABEL_ROOM = 12;

/** Rounds a maximum up to 1, 2 or 5 × 10^n so the axis reads well. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((m) => m * p >= value) ?? 10) * p;
}

const fmt = (v: number) =>
  Math.abs(v) >= 10_000
    ? `${(v / 10_000).toFixed(v >= 100_000 ? 0 : 1)}万`
    : String(Math.round(v * 10) / 10);

/** Stacked vertical bars with a value axis, legend, sparse category labels and a reference line. */
export function barChartOps(chart: BarChart, box: Box): string[] {
  const ops: string[] = [textLine(box.x, box.y + box.height - 10, 9, chart.title)];
  const plot = {
    x: box.x + AXIS_ROOM,
    y: box.y + X_LABEL_ROOM,
    width: box.width - AXIS_ROOM,
    height: box.height - X_LABEL_ROOM - LEGEND_ROOM - 12,
  };
  let lx = box.x + box.width;
  for (const s of [...chart.series].reverse()) {
    lx -= s.name.length * LABEL + 16;
    ops.push(filledRect(lx, box.y + box.height - 10, 7, 7, s.color));
    ops.push(textLine(lx + 9, box.y + box.height - 10, LABEL, s.name));
  }
  const totals = chart.categories.map((c) => c.values.reduce((a, v) => a + Math.max(0, v), 0));
  const max = chart.max ?? niceMax(Math.max(0, ...totals, chart.reference?.value ?? 0));
  const yOf = (v: number) => plot.y + (Math.max(0, v) / max) * plot.height;
  for (const q of [0, 0.25, 0.5, 0.75, 1]) {
    const y = yOf(q * max);
    if (q > 0) ops.push(strokeLine({ x: plot.x, y }, { x: plot.x + plot.width, y }, GRID, 0.3));
    const label = fmt(q * max);
    ops.push(textLine(plot.x - 4 - label.length * LABEL, y - 2, LABEL, label));
  }
  ops.push(textLine(box.x, plot.y + plot.height + 4, LABEL, chart.unit));
  const n = Math.max(1, chart.categories.length);
  const slot = plot.width / n;
  const barWidth = Math.max(0.4, slot * 0.7);
  const labelChars = Math.max(2, Math.min(6, Math.floor(slot / LABEL)));
  const every = Math.max(1, Math.ceil((5 * LABEL + 4) / slot));
  chart.categories.forEach((c, i) => {
    const x = plot.x + i * slot + (slot - barWidth) / 2;
    let base = 0;
    c.values.forEach((v, si) => {
      if (v <= 0) return;
      const color = chart.series[si]?.color ?? AXIS;
      ops.push(filledRect(x, yOf(base), barWidth, yOf(base + v) - yOf(base), color));
      base += v;
    });
    if (i % every === 0) {
      const label = c.label.slice(0, labelChars);
      ops.push(textLine(x + barWidth / 2 - (label.length * LABEL) / 2, box.y + 2, LABEL, label));
    }
  });
  ops.push(strokeLine({ x: plot.x, y: plot.y }, { x: plot.x + plot.width, y: plot.y }, AXIS));
  ops.push(strokeLine({ x: plot.x, y: plot.y }, { x: plot.x, y: plot.y + plot.height }, AXIS));
  if (chart.reference) {
    const y = yOf(chart.reference.value);
    ops.push(strokeLine({ x: plot.x, y }, { x: plot.x + plot.width, y }, [0.85, 0.2, 0.2], 1, 3));
    ops.push(
      textLine(
        plot.x + plot.width - chart.reference.label.length * LABEL,
        y + 2,
        LABEL,
        chart.reference.label,
      ),
    );
  }
  return ops;
}
