import type { BurstStep } from './burst-detector';
import { classifyScan, type ScanKind } from './classify';

/** Slow wedge scanners type every 30–80 ms; a run slower than this is a person typing. */
export const SLOW_SCANNER_MAX_GAP_MS = 100;
/** The allowed range of maxInterKeyMs (the scanner settings on the F11 page). */
export const MAX_INTER_KEY_LIMITS = [5, 200] as const;

/** Codes a scanner delivers that nobody types by hand: long, random, checked by their shape. */
const SCANNER_KINDS: ReadonlySet<ScanKind> = new Set([
  'evoucher',
  'rx-qr',
  'traceability',
  'gs1',
  'ma',
]);
const MIN_KEYS = 16;
/** A scanner's pace is even; a person's pauses vary by far more than this factor. */
const MAX_GAP_SPREAD = 4;

/** A maxInterKeyMs that takes a scanner's slowest pause with a margin, within the allowed range. */
export function maxInterKeyFor(slowestGapMs: number): number {
  const [lo, hi] = MAX_INTER_KEY_LIMITS;
  return Math.min(hi, Math.max(lo, Math.ceil(slowestGapMs * 1.5 + 5)));
}

type CompleteBurst = Extract<BurstStep, { status: 'complete' }>;

/**
 * Learning the scanner's timing from a scan: a run too slow for the current threshold but too
 * fast and too even for a person, ending in a terminator and holding a credential or pack code,
 * is a slow scanner. Answers the threshold that captures it, or null (a person, or no change).
 */
export function learnedMaxInterKeyMs(
  run: CompleteBurst,
  currentMaxInterKeyMs: number,
  now: Date,
): number | null {
  if (run.keyCount < MIN_KEYS) return null;
  if (run.maxGapMs <= currentMaxInterKeyMs || run.maxGapMs > SLOW_SCANNER_MAX_GAP_MS) return null;
  if (run.maxGapMs > Math.max(1, run.minGapMs) * MAX_GAP_SPREAD) return null;
  if (!SCANNER_KINDS.has(classifyScan(run.text, now).kind)) return null;
  return maxInterKeyFor(run.maxGapMs);
}
