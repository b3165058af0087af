/**
 * Dates as the counter types them: always yyyy-mm-dd, one field, whatever the OS locale.
 * Digits typed in a row get their dashes ("20261201" → "2026-12-01"); separators the
 * keyboard offers ('/', '.', '-') are accepted and shown as '-'.
 */
export function dateTyping(raw: string): string {
  const parts = raw
    .replace(/[./／．]/g, '-')
    .replace(/[^\d-]/g, '')
    .split('-');
  // Dashes we put in (after 4 and 6 digits) reflow as digits are typed on; a short part the
  // user ended with a separator ("2026-1-5") is kept as typed.
  const ours = parts.slice(0, -1).every((p, i) => p.length === (i === 0 ? 4 : 2));
  if (!ours) {
    const [y = '', m = '', d = ''] = parts;
    return [y.slice(0, 4), m.slice(0, 2), d.slice(0, 2)]
      .slice(0, Math.min(parts.length, 3))
      .join('-');
  }
  const digits = parts.join('').slice(0, 8);
  if (digits.length <= 4) return digits;
  if (digits.length <= 6) return `${digits.slice(0, 4)}-${digits.slice(4)}`;
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6)}`;
}

/** A real calendar day written yyyy-mm-dd (2026-02-30 is not one). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return (
    y >= 1900 &&
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d
  );
}
