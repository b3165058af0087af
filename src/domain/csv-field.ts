/**
 * One CSV field, safe to open in a spreadsheet program:
 * - RFC 4180: a field with a comma, quote, CR or LF is quoted and its quotes doubled;
 * - formula injection (OWASP "CSV injection"): text that a spreadsheet would evaluate, i.e.
 *   starting with = + - @ or a tab/CR, gets a leading apostrophe so it shows as typed. A physician
 *   name such as `=HYPERLINK("http://…")` would otherwise become a live link in the inspector's
 *   spreadsheet. Plain numbers (-12.50) stay numbers.
 */
export function csvField(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  if (PLAIN_NUMBER.test(text)) return text;
  return FORMULA_START.test(text) ? `'${text}` : text;
}
