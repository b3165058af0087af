import { cellText, type ReportDocument, type Section } from './report-document';

/**
 * A cell a spreadsheet program would read as a formula (starting with = + - @) gets a leading
 * quote, so an exported value can never run as one (CSV injection).
 */
export function formulaSafe(text: string): string {
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}

/** RFC 4180: a field with a comma, quote, CR or LF is quoted and its quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const record = (fields: string[]) => `${fields.map(csvField).join(',')}\r\n`;

function sectionRecords(s: Section, withTitle: boolean): string {
  let out = withTitle && s.title ? record([s.title]) : '';
  out += record(s.columns.map((c) => c.header));
  for (const row of [...s.rows, ...(s.totals ? [s.totals] : [])]) {
    out += record(s.columns.map((c, i) => cellText(c.kind, row[i] ?? null)));
  }
  return out;
}

/**
 * UTF-8 with a byte-order mark (so spreadsheet programs read the Chinese right), CRLF records:
 * the title, the period and the summary as label/value records, then each table (header, rows,
 * totals) after an empty record. Amounts are yuan with two decimals.
 */
export function renderCsv(doc: ReportDocument): Buffer {
  let out = record([doc.title]) + record(['期间', doc.periodText]);
  for (const [label, value] of doc.summary) out += record([label, value]);
  for (const s of doc.sections) out += `\r\n${sectionRecords(s, doc.sections.length > 1)}`;
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(out, 'utf8')]);
}
