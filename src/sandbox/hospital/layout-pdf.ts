/**
 * The hospital's layout file (版式文件): a small, valid one-page PDF (A4 portrait) with the
 * title and one text line per layout field (R-LAYOUT). Chinese text uses the non-embedded
 * CJK font STSong-Light (Type0, UniGB-UCS2-H: every character is a 2-byte UCS-2BE code, written
 * as one `<hex> Tj` per line) so any PDF viewer with the Adobe GB1 fonts shows it and the
 * app's reader (src/center/rx/layout-pdf-text.ts) gets every line back exactly.
 * No dates or ids of its own: the same prescription always renders to the same bytes.
 */
export interface LayoutDocument {
  title: string;
  lines: readonly string[];
}

const PAGE_W = 595;
const PAGE_H = 842;
const MARGIN = 56;

function ucs2Hex(text: string): string {
  let hex = '';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return hex.toUpperCase();
}

function contentStream(doc: LayoutDocument): string {
  const titleSize = 16;
  const top = PAGE_H - MARGIN;
  const room = top - titleSize - 24 - MARGIN;
  const leading = Math.max(8, Math.min(18, room / Math.max(1, doc.lines.length)));
  const size = Math.min(11, leading - 3);
  const ops = [
    'BT',
    `/F1 ${titleSize} Tf`,
    `1 0 0 1 ${MARGIN} ${top - titleSize} Tm`,
    `<${ucs2Hex(doc.title)}> Tj`,
    'ET',
  ];
  doc.lines.forEach((line, i) => {
    const y = top - titleSize - 24 - i * leading;
    ops.push(
      'BT',
      `/F1 ${size.toFixed(1)} Tf`,
      `1 0 0 1 ${MARGIN} ${y.toFixed(1)} Tm`,
      `<${ucs2Hex(line)}> Tj`,
      'ET',
    );
  });
  return `${ops.join('\n')}\n`;
}

export function renderLayoutPdf(doc: LayoutDocument): Buffer {
  const content = contentStream(doc);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_W} ${PAGE_H}] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>`,
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
