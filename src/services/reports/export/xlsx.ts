import { strToU8, zipSync } from 'fflate';
import type { Cell, Column, ReportDocument } from './report-document';

/**
 * A minimal SpreadsheetML (OOXML) workbook with one sheet: title, period, summary, then each
 * table with a styled header row and a bold totals row. Text is written as inline strings,
 * numbers as numbers (amounts in yuan with a 0.00 format, shares with 0.0%).
 */
const STYLE = {
  plain: 0,
  header: 1,
  yuan: 2,
  title: 3,
  total: 4,
  percent: 5,
  decimal: 6,
  totalYuan: 7,
};

const STYLES_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>
<fonts count="3"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font><font><b/><sz val="14"/><name val="宋体"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="8">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>
<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="2" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
</Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>`;

const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>`;

/** Characters XML 1.0 cannot carry at all are dropped; markup characters are escaped. */
export function xmlText(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A1-style column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const workbookXml = (sheetName: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="${xmlText(sheetName)}" sheetId="1" r:id="rId1"/></sheets>
</workbook>`;

class SheetWriter {
  private readonly rows: string[] = [];
  private readonly widths: number[] = [];

  row(cells: Array<{ text?: string; number?: string; style: number } | null>): void {
    const r = this.rows.length + 1;
    const xml = cells
      .map((c, i) => {
        if (!c) return '';
        const ref = `${columnLetters(i)}${r}`;
        if (c.number !== undefined) {
          this.widths[i] = Math.max(this.widths[i] ?? 8, c.number.length + 4);
          return `<c r="${ref}" s="${c.style}"><v>${c.number}</v></c>`;
        }
        const text = c.text ?? '';
        this.widths[i] = Math.max(this.widths[i] ?? 8, Math.min(60, displayWidth(text) + 2));
        return `<c r="${ref}" s="${c.style}" t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;
      })
      .join('');
    this.rows.push(`<row r="${r}">${xml}</row>`);
  }

  xml(): string {
    const cols = this.widths
      .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w ?? 10}" customWidth="1"/>`)
      .join('');
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${cols ? `<cols>${cols}</cols>` : ''}<sheetData>${this.rows.join('')}</sheetData></worksheet>`;
  }
}

function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

/** Exact decimal text for a value, so the file holds 12.34 and not 12.339999999999. */
function numberCell(c: Column, v: number, total: boolean) {
  switch (c.kind) {
    case 'yuan':
      return { number: (v / 100).toFixed(2), style: total ? STYLE.totalYuan : STYLE.yuan };
    case 'percent':
      return { number: String(Math.round(v * 10_000) / 10_000), style: STYLE.percent };
    case 'seconds':
      return { number: (v / 1000).toFixed(1), style: STYLE.decimal };
    case 'decimal':
      return { number: String(Math.round(v * 100) / 100), style: STYLE.decimal };
    default:
      return { number: String(v), style: total ? STYLE.total : STYLE.plain };
  }
}

function cell(c: Column, v: Cell, total: boolean) {
  if (v === null || v === '') return null;
  if (typeof v === 'number') return numberCell(c, v, total);
  return { text: v, style: total ? STYLE.total : STYLE.plain };
}

export function renderXlsx(doc: ReportDocument): Buffer {
  const sheet = new SheetWriter();
  sheet.row([{ text: doc.title, style: STYLE.title }]);
  sheet.row([
    { text: '期间', style: STYLE.plain },
    { text: doc.periodText, style: STYLE.plain },
  ]);
  for (const [label, value] of doc.summary) {
    sheet.row([
      { text: label, style: STYLE.plain },
      { text: value, style: STYLE.plain },
    ]);
  }
  for (const s of doc.sections) {
    sheet.row([]);
    if (s.title && doc.sections.length > 1) sheet.row([{ text: s.title, style: STYLE.total }]);
    sheet.row(s.columns.map((c) => ({ text: c.header, style: STYLE.header })));
    for (const r of s.rows) sheet.row(s.columns.map((c, i) => cell(c, r[i] ?? null, false)));
    const totals = s.totals;
    if (totals) sheet.row(s.columns.map((c, i) => cell(c, totals[i] ?? null, true)));
  }
  const zip = zipSync(
    {
      '[Content_Types].xml': strToU8(CONTENT_TYPES),
      '_rels/.rels': strToU8(ROOT_RELS),
      'xl/workbook.xml': strToU8(workbookXml(doc.title.slice(0, 31))),
      'xl/_rels/workbook.xml.rels': strToU8(WORKBOOK_RELS),
      'xl/styles.xml': strToU8(STYLES_XML),
      'xl/worksheets/sheet1.xml': strToU8(sheet.xml()),
    },
    { level: 6, mtime: new Date('2000-01-01T00:00:00Z') },
  );
  return Buffer.from(zip);
}
