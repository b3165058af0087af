/** Archived records are kept at least 2 years (R-KEEP), counted as SQLite's '+2 years' does. */
export function retainedUntil(createdAt: number): number {
  const d = new Date(createdAt);
  d.setUTCFullYear(d.getUTCFullYear() + 2);
  return d.getTime();
}
