import { csvField } from '../../../domain/csv-field';
import { cellText, type ReportDocument, type Section } from './report-document';

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
