import { cjkPdf, strokeLine, textLine } from '../../../domain/pdf/cjk-text-pdf';
import { barChartOps } from './pdf-chart';
import {
  type Cell,
  type Column,
  cellText,
  type ReportDocument,
  type Section,
} from './report-document';

/** A4 landscape: wide tables of daily figures fit one row per line. */
const PAGE = { width: 842, height: 595 } as const;
const MARGIN = 36;
const TITLE = 16;
const CHART_HEIGHT = 170;
const MAX_SIZE = 9;
const MIN_SIZE = 5;
const RULE: [number, number, number] = [0.5, 0.5, 0.5];

/** Every glyph of the CJK writer advances one em (DW 1000), digits included. */
const widthOf = (text: string, size: number) => text.length * size;

interface Table {
  title?: string;
  columns: Column[];
  header: string[];
  lines: Array<{ cells: string[]; total: boolean }>;
  /** Column widths in ems. */
  ems: number[];
  size: number;
}

function layoutTable(s: Section): Table {
  const texts = (row: Cell[]) => s.columns.map((c, i) => cellText(c.kind, row[i] ?? null));
  const lines = [
    ...s.rows.map((r) => ({ cells: texts(r), total: false })),
    ...(s.totals ? [{ cells: texts(s.totals), total: true }] : []),
  ];
  const header = s.columns.map((c) => c.header);
  const ems = s.columns.map(
    (_, i) => Math.max(header[i]?.length ?? 0, ...lines.map((l) => l.cells[i]?.length ?? 0)) + 1,
  );
  const total = ems.reduce((a, b) => a + b, 0);
  const size = Math.max(MIN_SIZE, Math.min(MAX_SIZE, (PAGE.width - 2 * MARGIN) / total));
  return { columns: s.columns, header, lines, ems, size, ...(s.title ? { title: s.title } : {}) };
}

const rightAligned = (c: Column) => c.kind !== 'text';

function rowOps(t: Table, cells: string[], y: number): string[] {
  const ops: string[] = [];
  let x = MARGIN;
  t.columns.forEach((c, i) => {
    const w = (t.ems[i] ?? 1) * t.size;
    const text = cells[i] ?? '';
    if (text) {
      const at = rightAligned(c) ? x + w - t.size - widthOf(text, t.size) : x;
      ops.push(textLine(at, y, t.size, text));
    }
    x += w;
  });
  return ops;
}

/** Pages: title, period, summary and chart on the first; tables flow on with repeated headers. */
export function renderReportPdf(doc: ReportDocument): Buffer {
  const pages: string[][] = [];
  let ops: string[] = [];
  let y = PAGE.height - MARGIN - TITLE;
  ops.push(textLine(MARGIN, y, TITLE, doc.title));
  y -= 18;
  ops.push(textLine(MARGIN, y, 10, `期间：${doc.periodText}`));
  for (const [label, value] of doc.summary) {
    y -= 13;
    ops.push(textLine(MARGIN, y, 9, `${label}：${value}`));
  }
  if (doc.chart) {
    y -= 12 + CHART_HEIGHT;
    const box = { x: MARGIN, y, width: PAGE.width - 2 * MARGIN, height: CHART_HEIGHT };
    ops.push(...barChartOps(doc.chart, box));
  }
  y -= 10;
  const bottom = MARGIN + 10;
  const newPage = () => {
    pages.push(ops);
    ops = [textLine(MARGIN, PAGE.height - MARGIN - 10, 10, `${doc.title}（${doc.periodText}）`)];
    y = PAGE.height - MARGIN - 24;
  };
  for (const section of doc.sections) {
    const t = layoutTable(section);
    const lead = t.size * 1.6;
    const header = () => {
      ops.push(...rowOps(t, t.header, y - t.size));
      const x2 = MARGIN + t.ems.reduce((a, b) => a + b, 0) * t.size;
      ops.push(strokeLine({ x: MARGIN, y: y - lead + 1 }, { x: x2, y: y - lead + 1 }, RULE));
      y -= lead + 2;
    };
    if (y - bottom < lead * 4) newPage();
    if (t.title && doc.sections.length > 1) {
      y -= 4;
      ops.push(textLine(MARGIN, y - 10, 10, t.title));
      y -= 16;
    }
    header();
    for (const line of t.lines) {
      if (y - lead < bottom) {
        newPage();
        header();
      }
      ops.push(...rowOps(t, line.cells, y - t.size));
      y -= lead;
    }
    y -= 10;
  }
  pages.push(ops);
  return cjkPdf(
    pages.map((p, i) =>
      [...p, textLine(MARGIN, MARGIN - 16, 8, `第 ${i + 1} 页，共 ${pages.length} 页`)].join('\n'),
    ),
    PAGE,
  );
}
