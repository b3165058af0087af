/** Geometry of a 0–100 % bar with a threshold mark (R-CATALOG's 70 % line). */
export interface ShareLayout {
  /** 0…1, NaN and out-of-range values clamped. */
  share: number;
  fillWidth: number;
  thresholdX: number;
  meets: boolean;
}

export function layoutShare(
  share: number,
  threshold: number,
  x: number,
  width: number,
): ShareLayout {
  const s = clamp01(share);
  const t = clamp01(threshold);
  return { share: s, fillWidth: s * width, thresholdX: x + t * width, meets: s >= t };
}

function clamp01(v: number): number {
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
}

/** 0.7345 → '73.5%' (one decimal, never rounding a miss up to the line: 69.96 % shows 69.9 %). */
export function formatShare(share: number): string {
  const permille = Math.floor(clamp01(share) * 1000 + 1e-9);
  return `${(permille / 10).toFixed(1)}%`;
}
