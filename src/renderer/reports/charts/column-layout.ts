import { clampValue, linear, niceAxis } from './scale';

/** One part of a column (e.g. 统筹基金 within a day's settled amount). */
export interface SegmentInput {
  key: string;
  value: number;
}

/** One x-axis category (a day) with side-by-side columns, each a stack of segments. */
export interface CategoryInput {
  label: string;
  columns: SegmentInput[][];
}

export interface PlotBox {
  width: number;
  height: number;
  /** Room for the value axis on the left, labels below, total labels above. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface SegmentRect extends SegmentInput {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ColumnRect {
  x: number;
  width: number;
  total: number;
  /** y of the column's top edge (where its total label goes). */
  top: number;
  segments: SegmentRect[];
}

export interface CategoryRect {
  label: string;
  x: number;
  bandWidth: number;
  center: number;
  columns: ColumnRect[];
}

export interface ColumnChartLayout {
  /** y of the zero line. */
  baseline: number;
  axisMax: number;
  ticks: { value: number; y: number }[];
  categories: CategoryRect[];
}

export interface ColumnOptions {
  tickCount?: number;
  /** Share of each band left empty between categories (0…0.9). */
  bandPadding?: number;
  /** Pixels between columns of one category. */
  columnGap?: number;
  /** Counts: whole-number ticks only. */
  integer?: boolean;
}

/**
 * Geometry of a column chart: stacked (one column of several segments), grouped (several
 * columns of one segment) or both. Negative and non-finite values count as zero.
 */
export function layoutColumns(
  categories: readonly CategoryInput[],
  box: PlotBox,
  options: ColumnOptions = {},
): ColumnChartLayout {
  const plotW = Math.max(0, box.width - box.left - box.right);
  const plotH = Math.max(0, box.height - box.top - box.bottom);
  const baseline = box.top + plotH;
  const totals = categories.map((c) => c.columns.map(sumOf));
  const axis = niceAxis(Math.max(0, ...totals.flat()), options.tickCount ?? 5, options.integer);
  const toPx = linear(axis.max, plotH);
  const padding = Math.min(0.9, Math.max(0, options.bandPadding ?? 0.2));
  const gap = Math.max(0, options.columnGap ?? 2);
  const band = categories.length ? plotW / categories.length : 0;
  const inner = band * (1 - padding);
  return {
    baseline,
    axisMax: axis.max,
    ticks: axis.ticks.map((value) => ({ value, y: baseline - toPx(value) })),
    categories: categories.map((c, i) => {
      const x = box.left + i * band;
      const n = c.columns.length;
      const colW = n ? Math.max(0, (inner - gap * (n - 1)) / n) : 0;
      const start = x + (band - inner) / 2;
      return {
        label: c.label,
        x,
        bandWidth: band,
        center: x + band / 2,
        columns: c.columns.map((segments, j) => {
          const colX = start + j * (colW + gap);
          let y = baseline;
          const rects = segments.map((s) => {
            const height = toPx(s.value);
            y -= height;
            return { key: s.key, value: clampValue(s.value), x: colX, y, width: colW, height };
          });
          return { x: colX, width: colW, total: totals[i]?.[j] ?? 0, top: y, segments: rects };
        }),
      };
    }),
  };
}

function sumOf(segments: readonly SegmentInput[]): number {
  return segments.reduce((sum, s) => sum + clampValue(s.value), 0);
}
