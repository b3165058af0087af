/** Axis arithmetic shared by the report charts: "nice" round ticks from zero and a linear map. */

export interface NiceAxis {
  /** The round top of the axis (≥ the data maximum, > 0). */
  max: number;
  step: number;
  /** 0, step, 2·step … max. */
  ticks: number[];
}

const STEPS = [1, 2, 2.5, 5, 10] as const;

/** A finite, non-negative number (NaN, ±Infinity and negatives count as 0). */
export function clampValue(v: number): number {
  return Number.isFinite(v) && v > 0 ? v : 0;
}

/**
 * Ticks from 0 covering `dataMax` in about `count` round steps (1, 2, 2.5 or 5 × 10ⁿ);
 * with `integer`, whole-number steps only (for counts).
 * An empty or all-zero series still gets an axis 0…1 so the chart has a frame.
 */
export function niceAxis(dataMax: number, count = 5, integer = false): NiceAxis {
  const max = clampValue(dataMax);
  const wanted = Math.max(1, Math.floor(count));
  if (max === 0) {
    if (integer) return { max: 1, step: 1, ticks: [0, 1] };
    return { max: 1, step: 1 / wanted, ticks: ticksOf(1 / wanted, wanted) };
  }
  const raw = max / wanted;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const nice = (STEPS.find((s) => s * magnitude >= raw - 1e-12 * raw) ?? 10) * magnitude;
  // Counts (uploads, packs) never get 0.5 steps: 2.5 becomes 5 at the tens, anything below 1 is 1.
  const step = integer ? Math.max(1, Number.isInteger(nice) ? nice : Math.ceil(nice)) : nice;
  const n = Math.ceil(max / step - 1e-9);
  return { max: round(step * n), step, ticks: ticksOf(step, n) };
}

function ticksOf(step: number, n: number): number[] {
  return Array.from({ length: n + 1 }, (_, i) => round(step * i));
}

/** Removes binary noise such as 0.30000000000000004 (keeps 12 significant digits). */
function round(v: number): number {
  return Number.parseFloat(v.toPrecision(12));
}

/** Maps 0…domainMax onto 0…length (values outside are clamped, never drawn past the frame). */
export function linear(domainMax: number, length: number): (v: number) => number {
  const top = clampValue(domainMax);
  if (top === 0) return () => 0;
  return (v) => (Math.min(clampValue(v), top) / top) * length;
}
