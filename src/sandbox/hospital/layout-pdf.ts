import { A4, cjkPdf, textLine } from '../../domain/pdf/cjk-text-pdf';

/**
 * The hospital's layout file (版式文件): a one-page A4 PDF with the title and one text line per
 * layout field (R-LAYOUT), read back by the app (src/center/rx/layout-pdf-text.ts). No dates or
 * ids of its own: the same prescription always renders to the same bytes.
 */
export interface LayoutDocument {
  title: string;
  lines: readonly string[];
}

const MARGIN = 56;
const TITLE_SIZE = 16;

export function renderLayoutPdf(doc: LayoutDocument): Buffer {
  const top = A4.height - MARGIN;
  const room = top - TITLE_SIZE - 24 - MARGIN;
  const leading = Math.max(8, Math.min(18, room / Math.max(1, doc.lines.length)));
  const size = Math.min(11, leading - 3);
  const ops = [textLine(MARGIN, top - TITLE_SIZE, TITLE_SIZE, doc.title)];
  doc.lines.forEach((line, i) => {
    ops.push(textLine(MARGIN, top - TITLE_SIZE - 24 - i * leading, size, line));
  });
  return cjkPdf([ops.join('\n')]);
}
