import { A4, cjkPdf, textLine } from '../../../domain/pdf/cjk-text-pdf';

const MARGIN = 48;

/** A one-page A4 receipt of text lines (src/domain/pdf/cjk-text-pdf.ts). */
export function textPdf(title: string, lines: readonly string[]): Buffer {
  const top = A4.height - MARGIN;
  const room = top - 40 - MARGIN;
  const leading = Math.max(7, Math.min(16, room / Math.max(1, lines.length)));
  const size = Math.min(10.5, leading - 2);
  const ops = [textLine(MARGIN, top - 16, 16, title)];
  lines.forEach((line, i) => {
    ops.push(textLine(MARGIN, top - 40 - i * leading, size, line));
  });
  return cjkPdf([ops.join('\n')]);
}
