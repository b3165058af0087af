/**
 * A minimal one-page A4 PDF of text lines. Chinese uses the non-embedded CJK font
 * STSong-Light (Type0, UniGB-UCS2-H, each character a 2-byte UCS-2BE code), the same technique
 * as the sandbox's layout file (src/sandbox/hospital/layout-pdf.ts, which the app may not import).
 */
const PAGE_W = 595;
const PAGE_H = 842;
const MARGIN = 48;

function ucs2Hex(text: string): string {
  let hex = '';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return hex.toUpperCase();
}

function content(title: string, lines: readonly string[]): string {
  const top = PAGE_H - MARGIN;
  const room = top - 40 - MARGIN;
  const leading = Math.max(7, Math.min(16, room / Math.max(1, lines.length)));
  const size = Math.min(10.5, leading - 2);
  const ops = [
    'BT',
    '/F1 16 Tf',
    `1 0 0 1 ${MARGIN} ${top - 16} Tm`,
    `<${ucs2Hex(title)}> Tj`,
    'ET',
  ];
  lines.forEach((line, i) => {
    const y = top - 40 - i * leading;
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

export function textPdf(title: string, lines: readonly string[]): Buffer {
  const stream = content(title, lines);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_W} ${PAGE_H}] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>`,
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}endstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
