import { clampValue, linear, niceAxis } from './scale';

export interface HBarInput {
  key: string;
  label: string;
  value: number;
}

export interface HBarBox {
  width: number;
  /** Left column for the names. */
  labelWidth: number;
  /** Right column for the value text. */
  valueWidth: number;
  rowHeight: number;
  /** Room above the first row for the axis ticks. */
  top: number;
}

export interface HBarRow extends HBarInput {
  y: number;
  barX: number;
  barWidth: number;
  barHeight: number;
}

export interface HBarLayout {
  height: number;
  axisMax: number;
  ticks: { value: number; x: number }[];
  rows: HBarRow[];
}

/** Geometry of a ranked horizontal bar chart: the largest first, at most `limit` rows. */
export function layoutHBars(
  items: readonly HBarInput[],
  box: HBarBox,
  limit = items.length,
  integer = false,
): HBarLayout {
  const ranked = [...items]
    .map((i) => ({ ...i, value: clampValue(i.value) }))
    .sort((a, b) => b.value - a.value)
    .slice(0, Math.max(0, limit));
  const plotW = Math.max(0, box.width - box.labelWidth - box.valueWidth);
  const axis = niceAxis(ranked[0]?.value ?? 0, 4, integer);
  const toPx = linear(axis.max, plotW);
  const barHeight = Math.max(1, box.rowHeight * 0.7);
  return {
    height: box.top + ranked.length * box.rowHeight,
    axisMax: axis.max,
    ticks: axis.ticks.map((value) => ({ value, x: box.labelWidth + toPx(value) })),
    rows: ranked.map((r, i) => ({
      ...r,
      y: box.top + i * box.rowHeight + (box.rowHeight - barHeight) / 2,
      barX: box.labelWidth,
      barWidth: toPx(r.value),
      barHeight,
    })),
  };
}
