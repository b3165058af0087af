import type { ReportPeriod } from '../../contract/types-reports';
import { addDays } from '../../domain/calendar';

export type PeriodPreset = 'today' | 'last7' | 'last30' | 'month' | 'year';

export const PERIOD_PRESETS: readonly { id: PeriodPreset; label: string }[] = [
  { id: 'today', label: '今天' },
  { id: 'last7', label: '近7天' },
  { id: 'last30', label: '近30天' },
  { id: 'month', label: '本月' },
  { id: 'year', label: '今年' },
];

/** Inclusive period of a quick choice, ending today (yyyy-MM-dd). */
export function presetPeriod(preset: PeriodPreset, today: string): ReportPeriod {
  const to = today;
  switch (preset) {
    case 'today':
      return { from: to, to };
    case 'last7':
      return { from: addDays(to, -6), to };
    case 'last30':
      return { from: addDays(to, -29), to };
    case 'month':
      return { from: `${to.slice(0, 7)}-01`, to };
    case 'year':
      return { from: `${to.slice(0, 4)}-01-01`, to };
  }
}

/** The preset after `current` (Alt+Q cycles through them). */
export function nextPreset(current: PeriodPreset | null): PeriodPreset {
  const i = PERIOD_PRESETS.findIndex((p) => p.id === current);
  return PERIOD_PRESETS[(i + 1) % PERIOD_PRESETS.length]?.id ?? 'today';
}

/** Why a period cannot be asked for, in Chinese; null when it is fine. */
export function periodProblem(p: ReportPeriod): string | null {
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  if (!iso.test(p.from) || !iso.test(p.to)) return '请填写起止日期（yyyy-MM-dd）';
  if (p.from > p.to) return '起始日期不能晚于截止日期';
  return null;
}
