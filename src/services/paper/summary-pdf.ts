import { A4, cjkPdf, textLine } from '../../domain/pdf/cjk-text-pdf';

/** A printable multi-page A4 summary with a page footer (src/domain/pdf/cjk-text-pdf.ts). */
const MARGIN = 40;
const SIZE = 9;
const LEADING = 14;
const TITLE = 14;

function pageContent(title: string, lines: readonly string[], pageNo: number, pages: number) {
  const top = A4.height - MARGIN;
  const ops = [textLine(MARGIN, top - TITLE, TITLE, title)];
  lines.forEach((line, i) => {
    ops.push(textLine(MARGIN, top - TITLE - 20 - i * LEADING, SIZE, line));
  });
  ops.push(textLine(MARGIN, MARGIN - 16, SIZE, `第 ${pageNo} 页，共 ${pages} 页`));
  return ops.join('\n');
}

export function renderSummaryPdf(title: string, lines: readonly string[]): Buffer {
  const perPage = Math.floor((A4.height - 2 * MARGIN - TITLE - 20) / LEADING);
  const chunks: string[][] = [];
  for (let i = 0; i < Math.max(1, lines.length); i += perPage) {
    chunks.push(lines.slice(i, i + perPage));
  }
  return cjkPdf(chunks.map((chunk, i) => pageContent(title, chunk, i + 1, chunks.length)));
}
