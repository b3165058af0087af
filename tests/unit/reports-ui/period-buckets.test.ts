import { describe, expect, it } from 'vitest';
import { addDays, beijingDate } from '../../../src/domain/calendar';
import { bucketByDate, MAX_DAILY_BARS, shortLabel } from '../../../src/renderer/reports/buckets';
import { nextPreset, periodProblem, presetPeriod } from '../../../src/renderer/reports/period';

const today = '2025-03-15';

describe('report periods', () => {
  it('counts today in Beijing time whatever the browser zone [R-RECON]', () => {
    expect(beijingDate(new Date('2025-03-15T16:30:00Z'))).toBe('2025-03-16');
    expect(beijingDate(new Date('2025-03-15T15:59:59Z'))).toBe('2025-03-15');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });

  it('computes the quick periods as inclusive dates ending today [R-RECON]', () => {
    expect(presetPeriod('today', today)).toEqual({ from: '2025-03-15', to: '2025-03-15' });
    expect(presetPeriod('last7', today)).toEqual({ from: '2025-03-09', to: '2025-03-15' });
    expect(presetPeriod('last30', today)).toEqual({ from: '2025-02-14', to: '2025-03-15' });
    expect(presetPeriod('month', today)).toEqual({ from: '2025-03-01', to: '2025-03-15' });
    expect(presetPeriod('year', today)).toEqual({ from: '2025-01-01', to: '2025-03-15' });
  });

  it('cycles the presets and refuses a reversed or incomplete period [R-RECON]', () => {
    expect(nextPreset(null)).toBe('today');
    expect(nextPreset('today')).toBe('last7');
    expect(nextPreset('year')).toBe('today');
    expect(periodProblem({ from: '2025-03-02', to: '2025-03-01' })).toBe(
      '起始日期不能晚于截止日期',
    );
    expect(periodProblem({ from: '', to: '2025-03-01' })).toContain('请填写起止日期');
    expect(periodProblem({ from: '2025-03-01', to: '2025-03-01' })).toBeNull();
  });
});

describe('day and month buckets of the charts', () => {
  const day = (i: number) => addDays('2025-01-01', i);

  it('keeps days for a short period, sorted [R-RECON]', () => {
    const buckets = bucketByDate([{ date: '2025-01-03' }, { date: '2025-01-01' }]);
    expect(buckets.map((b) => b.label)).toEqual(['2025-01-01', '2025-01-03']);
    expect(shortLabel('2025-01-03')).toBe('01-03');
  });

  it('groups a long period by month so a year stays readable [R-RECON]', () => {
    const rows = Array.from({ length: 365 }, (_, i) => ({ date: day(i), n: 1 }));
    const buckets = bucketByDate(rows);
    expect(buckets).toHaveLength(12);
    expect(buckets[1]).toMatchObject({ label: '2025-02' });
    expect(buckets[1]?.rows).toHaveLength(28);
    expect(shortLabel('2025-02')).toBe('2025-02');
    expect(bucketByDate(rows.slice(0, MAX_DAILY_BARS))).toHaveLength(MAX_DAILY_BARS);
    expect(bucketByDate([])).toEqual([]);
  });
});
