import { addDays, beijingDate } from '../../domain/calendar';

/** Quick periods of the risk screen: the last n days, today included (Beijing dates). */
export const RISK_QUICK_DAYS = [7, 30, 90] as const;
export type RiskQuickDays = (typeof RISK_QUICK_DAYS)[number];

export function lastDays(days: number, now: Date): { from: string; to: string } {
  const to = beijingDate(now);
  return { from: addDays(to, -(days - 1)), to };
}
