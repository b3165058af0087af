import { z } from 'zod';

/**
 * Thresholds of the risk signals (config/risk-thresholds.json). The seeds say what an
 * inspector checks (000 §五 "…必查") but give no numbers, so most values are the pharmacy's own
 * setting; each carries its source so the screen can say where a number comes from.
 */
const cited = <T extends z.ZodType>(value: T) =>
  z.object({ value, source: z.string().min(1) }).strict();
const count = z.number().int().positive();

export const riskThresholdsSchema = z
  .object({
    _comment: z.string().optional(),
    paperVolume: z
      .object({
        /** Paper prescriptions per 30 days (scaled to the period's length). */
        maxPer30Days: cited(count),
        /** Share of paper among all prescriptions dispensed, 0–1. */
        maxShare: cited(z.number().gt(0).max(1)),
        /** The share is judged only from this many prescriptions on (small numbers mislead). */
        minTotalForShare: cited(count),
      })
      .strict(),
    largeLine: z
      .object({
        /** Packs on one prescription line. */
        maxPacks: cited(count),
        /** Days on one line of a non-long prescription (the region's own warning limit applies too). */
        maxDaysShortRx: cited(count),
        /** Days on one line of a long prescription (the region's limit applies too, R-LONGRX). */
        maxDaysLongRx: cited(count),
      })
      .strict(),
    overDispensing: z
      .object({
        /** Length of the sliding window for the dispensing count. */
        windowDays: cited(count),
        /** Supply still on hand at a new dispensing, in days, tolerated (early refill). */
        toleranceDays: cited(z.number().int().min(0)),
        /** Dispensings of one drug to one person within a window. */
        maxDispensingsPerWindow: cited(count),
        /** Earlier dispensings read before the period so supply on hand at its start counts. */
        lookbackDays: cited(count),
      })
      .strict(),
    institutionPaper: z.object({ maxPer30Days: cited(count) }).strict(),
    refusedCodes: z
      .object({
        /** Refusals of the same pack code that make a signal. */
        minRefusals: cited(z.number().int().min(2)),
      })
      .strict(),
  })
  .strict();

export type RiskThresholds = z.infer<typeof riskThresholdsSchema>;

/** Region limits that bound the large-line signal (the pharmacy's region policy pack). */
export interface RegionLimits {
  regionName: string;
  longRxMaxDays: number;
  shortRxWarnDays: number;
  /** Where the pack's long-prescription limit comes from (its clause, or its setting mark). */
  longRxSource: string;
}

/** The file's content, checked; a Chinese message naming the first wrong field otherwise. */
export function parseRiskThresholds(json: unknown): RiskThresholds {
  const r = riskThresholdsSchema.safeParse(json);
  if (r.success) return r.data;
  const first = r.error.issues[0];
  throw new Error(
    `风险阈值配置不合法（${first?.path.join('.') || '根'}）：${first?.message ?? '格式错误'}`,
  );
}
