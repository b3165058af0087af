import { readLayoutPdf } from '../../src/center/rx/layout-pdf-items';
import { pageLines } from '../../src/domain/layout/text-lines';

/** The text lines of a PDF as pdf.js reads it (top to bottom, page by page); null when unreadable. */
export async function pdfTextLines(pdf: Uint8Array): Promise<string[] | null> {
  const reading = await readLayoutPdf(pdf);
  if (!reading.ok) return null;
  return reading.pages.flatMap((p) => pageLines(p).map((l) => l.raw));
}
