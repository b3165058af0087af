/**
 * Long periods are charted per month: a year of days would be bars one pixel wide.
 * Rows are summed field by field; the table under the chart keeps the daily rows.
 */
export const MAX_DAILY_BARS = 62;

export interface Bucket<T> {
  /** yyyy-MM-dd for a day, yyyy-MM for a month. */
  label: string;
  rows: T[];
}

export function bucketByDate<T extends { date: string }>(rows: readonly T[]): Bucket<T>[] {
  const byMonth = rows.length > MAX_DAILY_BARS;
  const buckets = new Map<string, T[]>();
  for (const row of [...rows].sort((a, b) => a.date.localeCompare(b.date))) {
    const label = byMonth ? row.date.slice(0, 7) : row.date;
    const list = buckets.get(label);
    if (list) list.push(row);
    else buckets.set(label, [row]);
  }
  return [...buckets].map(([label, list]) => ({ label, rows: list }));
}

export function sumBy<T>(rows: readonly T[], pick: (row: T) => number): number {
  return rows.reduce((sum, r) => sum + pick(r), 0);
}

/** Short x-axis label: 'MM-dd' for a day, 'yyyy-MM' for a month. */
export function shortLabel(label: string): string {
  return label.length === 10 ? label.slice(5) : label;
}
