/**
 * Minimal text-only PDFs with Chinese: the non-embedded CJK font STSong-Light (Type0,
 * UniGB-UCS2-H), every character a 2-byte UCS-2BE code written as one `<hex> Tj` per line, so
 * any viewer with the Adobe GB1 fonts shows it and src/center/rx/layout-pdf-text.ts reads every
 * line back exactly. Used by the sandbox hospital's layout files, receipts, archive summaries and
 * report exports (which also draw simple vector charts with filled rectangles and lines).
 *
 * Widths: UniGB-UCS2-H maps U+0020..U+007E to the Adobe-GB1 CIDs 1..95, which the /W array
 * declares half-width (500); everything else keeps the default full width (1000). Without /W a
 * viewer sets every ASCII character full-width and right-aligned amounts fall off the page.
 */
export const A4 = { width: 595, height: 842 } as const;

const FONT_OBJECTS = [
  '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>',
  '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 5 0 R /DW 1000 /W [1 95 500] >>',
  '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
];

export function ucs2Hex(text: string): string {
  let hex = '';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return hex.toUpperCase();
}

const HALF_WIDTH = /^[\u0020-\u007e]$/;

/** Advance width of `text` in points at font size `size`, exactly as the font's /W declares. */
export function textWidth(text: string, size: number): number {
  let units = 0;
  for (let i = 0; i < text.length; i++) units += HALF_WIDTH.test(text.charAt(i)) ? 500 : 1000;
  return (units * size) / 1000;
}

/** Breaks `text` into lines no wider than `maxWidth` points at font size `size`. */
export function wrapToWidth(text: string, size: number, maxWidth: number): string[] {
  const out: string[] = [];
  let line = '';
  for (let i = 0; i < text.length; i++) {
    const next = line + text.charAt(i);
    if (line !== '' && textWidth(next, size) > maxWidth) {
      out.push(line);
      line = text.charAt(i);
    } else line = next;
  }
  out.push(line);
  return out;
}

/** One line of text ending at `right` (points), so its last character touches that edge. */
export function textLineRight(right: number, y: number, size: number, text: string): string {
  return textLine(right - textWidth(text, size), y, size, text);
}

/** One line of text at (x, y) in points, font size `size`. */
export function textLine(x: number, y: number, size: number, text: string): string {
  const n = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));
  return [
    'BT',
    `/F1 ${n(size)} Tf`,
    `1 0 0 1 ${n(x)} ${n(y)} Tm`,
    `<${ucs2Hex(text)}> Tj`,
    'ET',
  ].join('\n');
}

/** An RGB colour, each component 0..1. */
export type Rgb = readonly [number, number, number];

const num = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2));
const rgb = (c: Rgb) => c.map((v) => num(Math.min(1, Math.max(0, v)))).join(' ');

/** A filled rectangle (lower-left corner x, y), for bars and shading; the colour stays local. */
export function filledRect(
  x: number,
  y: number,
  width: number,
  height: number,
  color: Rgb,
): string {
  return `q ${rgb(color)} rg ${num(x)} ${num(y)} ${num(width)} ${num(height)} re f Q`;
}

/** A straight line, for axes, rules and reference lines; `dash` draws it dashed. */
export function strokeLine(
  from: { x: number; y: number },
  to: { x: number; y: number },
  color: Rgb,
  lineWidth = 0.5,
  dash?: number,
): string {
  const d = dash ? `[${num(dash)} ${num(dash)}] 0 d ` : '';
  return `q ${rgb(color)} RG ${num(lineWidth)} w ${d}${num(from.x)} ${num(from.y)} m ${num(to.x)} ${num(to.y)} l S Q`;
}

/** A PDF whose pages have the given content streams (`textLine`s, `filledRect`s, `strokeLine`s). */
export function cjkPdf(
  pages: readonly string[],
  size: { width: number; height: number } = A4,
): Buffer {
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>', '', ...FONT_OBJECTS];
  const kids: string[] = [];
  for (const page of pages) {
    const content = `${page}\n`;
    const pageNo = objects.length + 1;
    kids.push(`${pageNo} 0 R`);
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${size.width} ${size.height}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageNo + 1} 0 R >>`,
      `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`,
    );
  }
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
