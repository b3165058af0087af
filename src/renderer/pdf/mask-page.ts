import type { PageViewport, PDFPageProxy } from 'pdfjs-dist';
import type { LayoutMask } from '../../domain/layout/mask-personal';
import { loadPdfJs } from './pdfjs';

/**
 * Paints over where a drawn page shows personal data (ID numbers, mobile numbers, the patient's
 * name; the backend found them with the comparison table's own masking function) and writes the
 * masked text instead; returns the page's text with the same replacements, for the viewer's
 * text layer (screen readers, tests).
 */
export async function maskDrawnPage(
  page: PDFPageProxy,
  viewport: PageViewport,
  canvas: HTMLCanvasElement,
  masks: readonly LayoutMask[],
): Promise<string> {
  const { Util } = await loadPdfJs();
  const ctx = canvas.getContext('2d');
  for (const m of masks) {
    if (!ctx) break;
    const [, , c = 0, d = 0, x = 0, baseline = 0] = Util.transform(viewport.transform, [
      m.size,
      0,
      0,
      m.size,
      m.x,
      m.y,
    ]);
    const size = Math.hypot(c, d);
    const width = m.width * viewport.scale;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(x - 1, baseline - size * 1.05, width + 2, size * 1.35);
    ctx.fillStyle = '#000000';
    ctx.font = `${size}px "Noto Sans CJK SC", "Microsoft YaHei", sans-serif`;
    ctx.fillText(m.text, x, baseline, width);
    ctx.restore();
  }
  const content = await page.getTextContent();
  return content.items
    .flatMap((it) => ('str' in it ? [it] : []))
    .map((it) => {
      const [, , , , x = 0, y = 0] = it.transform as number[];
      const m = masks.find((k) => Math.abs(k.x - x) < 0.5 && Math.abs(k.y - y) < 0.5);
      return m ? m.text : it.str;
    })
    .join('\n');
}
