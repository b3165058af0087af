import { clampValue, linear, niceAxis } from './scale';

/** One drug: its current price and the lowest / average / highest price charged. */
export interface RangeInput {
  key: string;
  label: string;
  current: number;
  min: number | null;
  max: number | null;
  avg: number | null;
}

export interface RangeBox {
  width: number;
  labelWidth: number;
  valueWidth: number;
  rowHeight: number;
  top: number;
}

export interface RangeRow extends RangeInput {
  y: number;
  /** Centre line of the row. */
  mid: number;
  currentX: number;
  /** The charged range (min…max); null when nothing was sold. */
  range: { x1: number; x2: number } | null;
  avgX: number | null;
  /** Charged above the current price at least once. */
  above: boolean;
}

export interface RangeLayout {
  height: number;
  axisMax: number;
  ticks: { value: number; x: number }[];
  rows: RangeRow[];
}

/** Geometry of a price dot-and-range chart on one common axis from zero. */
export function layoutRanges(items: readonly RangeInput[], box: RangeBox): RangeLayout {
  const plotW = Math.max(0, box.width - box.labelWidth - box.valueWidth);
  const top = Math.max(0, ...items.flatMap((i) => [i.current, i.max ?? 0].map(clampValue)));
  const axis = niceAxis(top, 4);
  const px = linear(axis.max, plotW);
  const at = (v: number) => box.labelWidth + px(v);
  return {
    height: box.top + items.length * box.rowHeight,
    axisMax: axis.max,
    ticks: axis.ticks.map((value) => ({ value, x: at(value) })),
    rows: items.map((i, n) => {
      const y = box.top + n * box.rowHeight;
      const sold = i.min !== null && i.max !== null;
      return {
        ...i,
        y,
        mid: y + box.rowHeight / 2,
        currentX: at(i.current),
        range: sold ? { x1: at(Math.min(i.min ?? 0, i.max ?? 0)), x2: at(i.max ?? 0) } : null,
        avgX: i.avg === null ? null : at(i.avg),
        above: i.max !== null && i.max > i.current,
      };
    }),
  };
}
