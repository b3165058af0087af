import { AppError } from '../errors';

/** A period of Beijing dates, both days included, as epoch-millisecond bounds [startMs, endMs). */
export interface RiskPeriod {
  from: string;
  to: string;
  startMs: number;
  endMs: number;
  days: number;
}

const DAY = 86_400_000;
const OFFSET_MS = 8 * 3_600_000;
export const MAX_PERIOD_DAYS = 400;

function startOfBeijingDay(date: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new AppError('VALIDATION', `日期不合法：${date}`);
  }
  return ms - OFFSET_MS;
}

export function riskPeriod(from: string, to: string): RiskPeriod {
  const startMs = startOfBeijingDay(from);
  const endMs = startOfBeijingDay(to) + DAY;
  const days = Math.round((endMs - startMs) / DAY);
  if (days < 1) throw new AppError('VALIDATION', `起始日期 ${from} 晚于结束日期 ${to}`);
  if (days > MAX_PERIOD_DAYS) {
    throw new AppError('VALIDATION', `统计期间最长 ${MAX_PERIOD_DAYS} 天（所选 ${days} 天）`);
  }
  return { from, to, startMs, endMs, days };
}

/** A per-30-days limit for a period of `days` (at least 1). */
export function scaledLimit(per30Days: number, days: number): number {
  return Math.max(1, Math.ceil((per30Days * days) / 30));
}

/** yyyy-MM-dd HH:mm (Beijing). */
export function beijingMinute(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
