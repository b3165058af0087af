import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { LayoutReading, LayoutTextPage } from '../../domain/layout/layout-text';

/**
 * Reads the positioned text of a layout file with pdf.js (the maintained engine the renderer
 * also draws it with): embedded TrueType/CFF/Type 3 subsets through their ToUnicode maps, and
 * non-embedded CJK fonts (our sandbox's STSong-Light) through pdf.js's packed CMaps.
 * Bounded (bytes, pages) and never throws: a file pdf.js cannot open is `{ ok: false }`.
 */
export const MAX_LAYOUT_PDF_BYTES = 8 * 1024 * 1024;
const MAX_PAGES = 20;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loading: Promise<PdfJs> | null = null;
const loadPdfJs = (): Promise<PdfJs> => {
  if (!loading) {
    withdrawDecompressionStream();
    loading = import('pdfjs-dist/legacy/build/pdf.mjs');
  }
  return loading;
};

/**
 * pdf.js inflates each embedded ToUnicode CMap through the global DecompressionStream when there
 * is one; in Node that is zlib on the thread pool, a round trip per stream, and a Chromium-printed
 * layout carries some 70 Type 3 fonts: 150 ms per reading, two thirds of it waiting. Without it
 * pdf.js inflates in place (about 55 ms). Nothing else in the backend process uses the global
 * (we inflate with fflate and node:zlib), and the renderer's pdf.js runs in its own worker.
 */
function withdrawDecompressionStream(): void {
  if (
    typeof process === 'object' &&
    process.versions?.node &&
    'DecompressionStream' in globalThis
  ) {
    Reflect.deleteProperty(globalThis, 'DecompressionStream');
  }
}

function pdfJsDir(): string | null {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  } catch {
    return null;
  }
}

const binaryData = new Map<string, Uint8Array>();

/**
 * pdf.js's data files (packed CMaps such as UniGB-UCS2-H, standard font data) read once per
 * process: re-reading them from disk for every layout file was most of a reading's time.
 */
class CachedBinaryDataFactory {
  private readonly dirs: Record<string, string | null>;
  constructor(urls: { cMapUrl?: string | null; standardFontDataUrl?: string | null }) {
    this.dirs = {
      cMapUrl: urls.cMapUrl ?? null,
      standardFontDataUrl: urls.standardFontDataUrl ?? null,
    };
  }
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const dir = this.dirs[kind];
    if (!dir || filename.includes('/') || filename.includes('\\')) {
      throw new Error(`pdf.js data not available: ${kind} ${filename}`);
    }
    const file = path.join(dir, filename);
    let data = binaryData.get(file);
    if (!data) {
      data = new Uint8Array(fs.readFileSync(file));
      binaryData.set(file, data);
    }
    // pdf.js may transfer (detach) what it is given.
    return data.slice();
  }
}

export async function readLayoutPdf(pdfBytes: Uint8Array): Promise<LayoutReading> {
  if (pdfBytes.length > MAX_LAYOUT_PDF_BYTES) {
    return { ok: false, reason: `版式文件超过 ${MAX_LAYOUT_PDF_BYTES / 1024 / 1024} MB` };
  }
  let doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']> | null = null;
  try {
    const pdfjs = await loadPdfJs();
    const dir = pdfJsDir();
    doc = await pdfjs.getDocument({
      // pdf.js takes ownership of (and detaches) the buffer it is given.
      data: new Uint8Array(pdfBytes),
      ...(dir
        ? {
            cMapUrl: `${path.join(dir, 'cmaps')}${path.sep}`,
            cMapPacked: true,
            standardFontDataUrl: `${path.join(dir, 'standard_fonts')}${path.sep}`,
            BinaryDataFactory: CachedBinaryDataFactory,
          }
        : {}),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
    if (doc.numPages > MAX_PAGES) {
      return { ok: false, reason: `版式文件页数过多（${doc.numPages} 页）` };
    }
    const pages: LayoutTextPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, , width, height] = page.view;
      const content = await page.getTextContent();
      const items = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str.trim() === '') continue;
        const [a = 0, b = 0, , d = 0, e = 0, f = 0] = it.transform as number[];
        items.push({
          str: it.str,
          x: e,
          y: f,
          width: it.width,
          size: Math.hypot(b, d) || Math.abs(a),
        });
      }
      pages.push({ page: n, width: width ?? 0, height: height ?? 0, items });
      page.cleanup();
    }
    return { ok: true, pages };
  } catch (err) {
    const why = err instanceof Error && err.name === 'PasswordException' ? '（已加密）' : '';
    return { ok: false, reason: `版式文件无法作为 PDF 打开${why}` };
  } finally {
    await doc?.destroy();
  }
}
