import { csvField, neutraliseFormula } from '../../../domain/csv-field';
import { cellText, type ReportDocument, type Section } from './report-document';

export { neutraliseFormula };

/** One CSV record of text fields, formulas neutralised (domain/csv-field.ts). */
export const textRecord = (fields: string[]) => `${fields.map(csvField).join(',')}\r\n`;

const record = (fields: string[]) => `${fields.map(csvField).join(',')}\r\n`;

/** UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese right. */
export function csvBytes(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

function sectionRecords(s: Section, withTitle: boolean): string {
  let out = withTitle && s.title ? textRecord([s.title]) : '';
  out += textRecord(s.columns.map((c) => c.header));
  for (const row of [...s.rows, ...(s.totals ? [s.totals] : [])]) {
    out += record(
      s.columns.map((c, i) => {
        const text = cellText(c.kind, row[i] ?? null);
        return c.kind === 'text' ? neutraliseFormula(text) : text;
      }),
    );
  }
  return out;
}

/**
 * UTF-8 with a byte-order mark (so spreadsheet programs read the Chinese right), CRLF records:
 * the title, the period and the summary as label/value records, then each table (header, rows,
 * totals) after an empty record. Amounts are yuan with two decimals.
 */
export function renderCsv(doc: ReportDocument): Buffer {
  let out = textRecord([doc.title]) + textRecord(['期间', doc.periodText]);
  for (const [label, value] of doc.summary) out += textRecord([label, value]);
  for (const s of doc.sections) out += `\r\n${sectionRecords(s, doc.sections.length > 1)}`;
  return csvBytes(out);
}
