import type { LayoutMask } from '../../domain/layout/mask-personal';
import { maskDrawnPage } from './mask-page';
import { documentParams, loadPdfJs } from './pdfjs';

/** Sharper than the screen needs, so the small print of a prescription stays legible. */
const OVERSAMPLE = 1.5;

/**
 * Renders every page of a PDF as a canvas into `host` (which React leaves empty), fitted to
 * `cssWidth`. Stops touching the DOM as soon as `cancelled()` says the viewer moved on.
 */
export async function renderPdfInto(
  host: HTMLElement,
  data: Uint8Array,
  cssWidth: number,
  cancelled: () => boolean,
  /** A prescription's layout file: where its personal data is drawn over, masked. */
  masks?: readonly LayoutMask[],
): Promise<number> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument(documentParams(data));
  try {
    const doc = await task.promise;
    if (cancelled()) return 0;
    host.replaceChildren();
    const ratio = (window.devicePixelRatio || 1) * OVERSAMPLE;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      if (cancelled()) return 0;
      const fit = cssWidth / page.getViewport({ scale: 1 }).width;
      const viewport = page.getViewport({ scale: fit * ratio });
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      canvas.className = 'layout-canvas';
      canvas.dataset.testid = 'layout-canvas';
      canvas.setAttribute('aria-label', `处方版式文件 第${n}页`);
      host.append(canvas);
      await page.render({ canvas, viewport }).promise;
      if (masks && !cancelled()) {
        const onPage = masks.filter((m) => m.page === n);
        const text = await maskDrawnPage(page, viewport, canvas, onPage);
        const layer = document.createElement('div');
        layer.className = 'pdf-text-layer';
        layer.dataset.testid = 'layout-text';
        layer.textContent = text;
        host.append(layer);
      }
    }
    return doc.numPages;
  } finally {
    void task.destroy();
  }
}
