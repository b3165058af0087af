/** Calendar dates (yyyy-MM-dd) in Beijing time for the paper rules; pure. */
const OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

export function beijingDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  return new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Archived records are kept at least 2 years (R-KEEP), counted as SQLite's '+2 years' does. */
export function retainedUntil(createdAt: number): number {
  const d = new Date(createdAt);
  d.setUTCFullYear(d.getUTCFullYear() + 2);
  return d.getTime();
}
