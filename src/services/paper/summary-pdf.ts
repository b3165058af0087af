/**
 * A printable summary as a minimal multi-page PDF (A4). Chinese text uses the non-embedded CJK
 * font STSong-Light (Type0, UniGB-UCS2-H), every character a 2-byte UCS-2BE code, as the
 * hospital's layout files do (src/sandbox/hospital/layout-pdf.ts).
 */
const PAGE_W = 595;
const PAGE_H = 842;
const MARGIN = 40;
const SIZE = 9;
const LEADING = 14;
const TITLE = 14;

function ucs2Hex(text: string): string {
  let hex = '';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return hex.toUpperCase();
}

function pageContent(title: string, lines: readonly string[], pageNo: number, pages: number) {
  const top = PAGE_H - MARGIN;
  const ops = [
    'BT',
    `/F1 ${TITLE} Tf`,
    `1 0 0 1 ${MARGIN} ${top - TITLE} Tm`,
    `<${ucs2Hex(title)}> Tj`,
    'ET',
  ];
  lines.forEach((line, i) => {
    const y = top - TITLE - 20 - i * LEADING;
    ops.push('BT', `/F1 ${SIZE} Tf`, `1 0 0 1 ${MARGIN} ${y} Tm`, `<${ucs2Hex(line)}> Tj`, 'ET');
  });
  const footer = `第 ${pageNo} 页，共 ${pages} 页`;
  ops.push(
    'BT',
    `/F1 ${SIZE} Tf`,
    `1 0 0 1 ${MARGIN} ${MARGIN - 16} Tm`,
    `<${ucs2Hex(footer)}> Tj`,
    'ET',
  );
  return `${ops.join('\n')}\n`;
}

export function renderSummaryPdf(title: string, lines: readonly string[]): Buffer {
  const perPage = Math.floor((PAGE_H - 2 * MARGIN - TITLE - 20) / LEADING);
  const chunks: string[][] = [];
  for (let i = 0; i < Math.max(1, lines.length); i += perPage)
    chunks.push(lines.slice(i, i + perPage));
  const fontObj = 3;
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '',
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 5 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  const kids: string[] = [];
  chunks.forEach((chunk, i) => {
    const content = pageContent(title, chunk, i + 1, chunks.length);
    const pageNum = objects.length + 1;
    kids.push(`${pageNum} 0 R`);
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_W} ${PAGE_H}] /Resources << /Font << /F1 ${fontObj} 0 R >> >> /Contents ${pageNum + 1} 0 R >>`,
      `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`,
    );
  });
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${kids.length} >>`;
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
