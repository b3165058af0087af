import { dateOnly, parseDateTime } from '../../center/clock';
import { AppError } from '../../domain/errors';
import type { DayRange } from '../../store/report-repository';

const DAY_MS = 86_400_000;
/** A report covers at most three years (a year of daily rows is the designed case). */
export const MAX_REPORT_DAYS = 3 * 366;

/** An inclusive range of local calendar days (the platform's Beijing time, src/center/clock.ts). */
export interface LocalPeriod extends DayRange {
  from: string;
  to: string;
  /** Every day of the period, in order. */
  days: string[];
  /** Day number (as the store buckets times) → yyyy-MM-dd. */
  dateOf(day: number): string;
}

function localMidnight(date: string): number {
  const d = parseDateTime(`${date} 00:00:00`);
  if (!d) throw new AppError('VALIDATION', `日期“${date}”不是有效日期`, { ruleId: 'R-RECON' });
  return d.getTime();
}

/** [from 00:00, the day after `to` 00:00) in local time; refuses reversed or over-long periods. */
export function localPeriod(from: string, to: string): LocalPeriod {
  const startMs = localMidnight(from);
  const endMs = localMidnight(to) + DAY_MS;
  if (endMs <= startMs) {
    throw new AppError('VALIDATION', `报表期间的开始日期 ${from} 晚于结束日期 ${to}`, {
      ruleId: 'R-RECON',
    });
  }
  const count = (endMs - startMs) / DAY_MS;
  if (count > MAX_REPORT_DAYS) {
    throw new AppError('VALIDATION', `报表期间最长 ${MAX_REPORT_DAYS} 天，请缩短期间后分段导出`, {
      ruleId: 'R-RECON',
    });
  }
  const originMs = localMidnight('1970-01-01');
  const dateOf = (day: number) => dateOnly(new Date(originMs + day * DAY_MS));
  const firstDay = (startMs - originMs) / DAY_MS;
  const days = Array.from({ length: count }, (_, i) => dateOf(firstDay + i));
  return { from, to, startMs, endMs, originMs, days, dateOf };
}

/** Rows keyed by day number → map keyed by date. */
export function byDate<T extends { day: number }>(p: LocalPeriod, rows: T[]): Map<string, T> {
  return new Map(rows.map((r) => [p.dateOf(r.day), r]));
}
