/**
 * Beijing time (UTC+8, no DST) for the policy rules: the platform's `yyyy-MM-dd HH:mm:ss`.
 * The same convention as src/center/clock.ts, repeated here because the domain imports no
 * lower layer.
 */
const OFFSET_MS = 8 * 3600_000;

export function parseBeijingDateTime(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s) - OFFSET_MS);
  return formatBeijingDateTime(date) === text ? date : null;
}

export function formatBeijingDateTime(date: Date): string {
  return new Date(date.getTime() + OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}
