import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../src/contract/types-reports';
import { yuanText as yuan } from '../../../src/domain/money';
import { loadCatalog } from '../../../src/services/catalog-loader';
import { buildReport, type ReportSources } from '../../../src/services/reports/build-report';
import { renderCsv } from '../../../src/services/reports/export/csv';
import { renderReportPdf } from '../../../src/services/reports/export/pdf';
import { cellText } from '../../../src/services/reports/export/report-document';
import { toDocument } from '../../../src/services/reports/export/to-document';
import { columnLetters, renderXlsx } from '../../../src/services/reports/export/xlsx';
import type { Db } from '../../../src/store/database';
import { OutboxReportRepository } from '../../../src/store/outbox-report-repository';
import { ReportRepository } from '../../../src/store/report-repository';
import { addOutbox, addSale, addSelfPay, at, seedDb, setOnHand } from './report-seed';
import { findAll, parseXml } from './xml-reader';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const A = 'XC08CAA010A001010201587';
const ZZ = 'ZZ50010300001A00101';
const NOW = new Date(at('2025-03-02 12:00:00'));

/** RFC 4180 reader (quoted fields, doubled quotes, CRLF inside quotes). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field || record.length) records.push([...record, field]);
  return records;
}

/** Cell values of sheet1 by reference (A1 …), numbers as numbers, inline strings as text. */
function readSheet(xlsx: Buffer): {
  cells: Map<string, string | number>;
  styles: Map<string, string>;
} {
  const files = unzipSync(new Uint8Array(xlsx));
  for (const name of [
    '[Content_Types].xml',
    '_rels/.rels',
    'xl/workbook.xml',
    'xl/_rels/workbook.xml.rels',
    'xl/styles.xml',
    'xl/worksheets/sheet1.xml',
  ]) {
    const part = files[name];
    expect(part, name).toBeDefined();
    parseXml(strFromU8(part as Uint8Array)); // throws unless well-formed
  }
  const sheet = parseXml(strFromU8(files['xl/worksheets/sheet1.xml'] as Uint8Array));
  const cells = new Map<string, string | number>();
  const styles = new Map<string, string>();
  for (const c of findAll(sheet, 'c')) {
    const ref = c.attrs.r ?? '';
    styles.set(ref, c.attrs.s ?? '0');
    if (c.attrs.t === 'inlineStr') cells.set(ref, findAll(c, 't')[0]?.text ?? '');
    else cells.set(ref, Number(findAll(c, 'v')[0]?.text));
  }
  return { cells, styles };
}

async function pdfText(pdf: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(pdf),
    cMapUrl: `${path.join(ROOT, 'node_modules/pdfjs-dist/cmaps')}/`,
    cMapPacked: true,
    verbosity: 0,
  }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    text += content.items.map((it) => ('str' in it ? it.str : '')).join('');
  }
  await doc.destroy();
  return text.replace(/\s/g, '');
}

describe('report export', () => {
  let db: Db;
  let src: ReportSources;
  const get = (id: Report['kind']) => buildReport(src, id, '2025-03-01', '2025-03-02', NOW);

  beforeAll(() => {
    db = seedDb();
    addSale(db, {
      settledAt: at('2025-03-01 10:00:00'),
      lines: [{ code: A, qty: 3, priceFen: 2650 }],
      fundFen: 5000,
      acctFen: 1234,
    });
    addSale(db, {
      settledAt: at('2025-03-02 10:00:00'),
      lines: [{ code: A, qty: 1, priceFen: 2650 }],
      fundFen: 1000,
      acctFen: 0,
    });
    addSelfPay(db, at('2025-03-02 11:00:00'), 1999);
    setOnHand(db, A, 40);
    setOnHand(db, ZZ, 2);
    addOutbox(db, {
      infno: '7207',
      status: 'delivered',
      createdAt: at('2025-03-01 10:00:00'),
      deliveredAt: at('2025-03-01 10:00:01'),
    });
    addOutbox(db, { infno: '3505', status: 'parked', createdAt: at('2025-03-01 10:00:00') });
    src = {
      reports: new ReportRepository(db),
      outbox: new OutboxReportRepository(db),
      catalog: loadCatalog(),
    };
  });
  afterAll(() => db.close());

  it('CSV: UTF-8 with BOM, RFC 4180 quoting, yuan with two decimals, round-trips every row [R-RECON]', () => {
    const report = get('settlements-daily');
    if (report.kind !== 'settlements-daily') throw new Error(report.kind);
    const doc = toDocument(report);
    const bytes = renderCsv(doc);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(records[0]).toEqual(['每日结算报表']);
    expect(records[1]).toEqual(['期间', '2025-03-01 至 2025-03-02']);
    const header = records.findIndex((r) => r[0] === '日期');
    const table = records.slice(header + 1, header + 1 + report.rows.length + 1);
    const section = doc.sections[0];
    if (!section) throw new Error('no section');
    expect(table).toEqual(
      [...section.rows, section.totals ?? []].map((row) =>
        section.columns.map((c, i) => cellText(c.kind, row[i] ?? null)),
      ),
    );
    expect(table.at(-1)).toEqual([
      '合计',
      '2',
      '106.00',
      '60.00',
      '12.34',
      '33.66',
      '1',
      '19.99',
      '0',
      '0.00',
      // 净额: medfee + self-pay − refunds (issue 19 minor)
      '125.99',
    ]);
    const quoted = renderCsv({ ...doc, summary: [['含"引号",逗号', '换\r\n行']] });
    expect(parseCsv(quoted.subarray(3).toString('utf8'))[2]).toEqual(['含"引号",逗号', '换\r\n行']);
    expect(yuan(5)).toBe('0.05');
    expect(yuan(-1234)).toBe('-12.34');
  });

  it('XLSX: a well-formed OOXML workbook whose cells hold numbers as numbers and a styled header [R-RECON][R-PRICE-PUB]', () => {
    const report = get('settlements-daily');
    if (report.kind !== 'settlements-daily') throw new Error(report.kind);
    const { cells, styles } = readSheet(renderXlsx(toDocument(report)));
    expect(cells.get('A1')).toBe('每日结算报表');
    const headerRow = [...cells.entries()].find(([, v]) => v === '日期')?.[0].slice(1);
    expect(styles.get(`A${headerRow}`)).toBe('1');
    const first = Number(headerRow) + 1;
    expect(cells.get(`A${first}`)).toBe('2025-03-01');
    expect(cells.get(`B${first}`)).toBe(1);
    expect(cells.get(`C${first}`)).toBe(79.5);
    expect(cells.get(`E${first}`)).toBe(12.34);
    const total = first + 2;
    expect(cells.get(`A${total}`)).toBe('合计');
    expect(cells.get(`C${total}`)).toBe(106);
    expect(cells.get(`H${total}`)).toBe(19.99);

    const prices = get('flowed-prices');
    const sheet = readSheet(renderXlsx(toDocument(prices))).cells;
    const row = [...sheet.entries()].find(([, v]) => v === A)?.[0].slice(1);
    expect(sheet.get(`E${row}`)).toBe(26.5);
    expect(sheet.get(`F${row}`)).toBe(4);
    expect(columnLetters(0)).toBe('A');
    expect(columnLetters(27)).toBe('AB');
  });

  it('PDF: pdf.js finds the title, the period, the catalog share and the totals [R-CATALOG][R-RECON]', async () => {
    const daily = await pdfText(renderReportPdf(toDocument(get('settlements-daily'))));
    expect(daily).toContain('每日结算报表');
    expect(daily).toContain('2025-03-01至2025-03-02');
    expect(daily).toContain('合计');
    expect(daily).toContain('106.00');
    const coverage = await pdfText(renderReportPdf(toDocument(get('catalog-coverage'))));
    expect(coverage).toContain('医保目录品种占比');
    expect(coverage).toContain('50.0%');
    expect(coverage).toContain('未达标');
    const outbox = await pdfText(renderReportPdf(toDocument(get('outbox-health'))));
    expect(outbox).toContain('上传队列运行情况');
    expect(outbox).toContain('商品销售');
  });

  it('PDF: a long table flows onto further pages and the chart draws its bars [R-RECON]', async () => {
    const year = buildReport(src, 'settlements-daily', '2025-01-01', '2025-12-31', NOW);
    const pdf = renderReportPdf(toDocument(year));
    const text = pdf.toString('latin1');
    expect(text).toMatch(/\/Count ([89]|1\d)\b/);
    // two days with sales: filled rectangles in the chart's series colours
    expect(text.match(/ rg [\d. ]+ re f Q/g)?.length).toBeGreaterThanOrEqual(4);
    const all = await pdfText(pdf);
    expect(all).toContain('2025-12-31');
    expect(all).toContain('第1页');
  });
});
