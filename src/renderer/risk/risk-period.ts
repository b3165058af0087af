/** Quick periods of the risk screen: the last n days, today included (Beijing dates). */
export const RISK_QUICK_DAYS = [7, 30, 90] as const;
export type RiskQuickDays = (typeof RISK_QUICK_DAYS)[number];

export function beijingToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function lastDays(days: number, now: Date): { from: string; to: string } {
  const to = beijingToday(now);
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  return { from, to };
}
