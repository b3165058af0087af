import type * as PdfJs from 'pdfjs-dist';
import type { DocumentInitParameters } from 'pdfjs-dist/types/src/display/api';

/** Where vite.config.ts puts pdf.js's CMaps and standard fonts in the build (served from 'self'). */
const ASSET_DIR = 'pdfjs/';

let loading: Promise<typeof PdfJs> | null = null;

/** pdf.js is large: it is loaded on the first prescription, with one worker for the app's life. */
export function loadPdfJs(): Promise<typeof PdfJs> {
  loading ??= import('pdfjs-dist').then((lib) => {
    lib.GlobalWorkerOptions.workerPort = new Worker(new URL('./pdf-worker.ts', import.meta.url), {
      type: 'module',
      name: 'pdfjs',
    });
    return lib;
  });
  return loading;
}

/**
 * Layout files use the non-embedded STSong-Light with UniGB-UCS2-H: pdf.js needs the packed
 * CMaps to map the codes, and system fonts to draw the glyphs. Strict CSP: no eval, no wasm.
 */
export function documentParams(data: Uint8Array): DocumentInitParameters {
  const base = new URL(ASSET_DIR, document.baseURI);
  return {
    data,
    cMapUrl: new URL('cmaps/', base).href,
    cMapPacked: true,
    standardFontDataUrl: new URL('standard_fonts/', base).href,
    useSystemFonts: true,
    isEvalSupported: false,
    useWasm: false,
    enableXfa: false,
  };
}

export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}
