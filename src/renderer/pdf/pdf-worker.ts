// pdf.js's worker, bundled by Vite as a same-origin module worker (no blob:, no eval).
import 'pdfjs-dist/build/pdf.worker.min.mjs';
