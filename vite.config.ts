import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** pdf.js fetches these at run time by name; the renderer finds them under ./pdfjs/ ('self'). */
const PDFJS_ASSET_DIRS = ['cmaps', 'standard_fonts'] as const;

function pdfjsAssetFiles(): Array<{ url: string; file: string }> {
  return PDFJS_ASSET_DIRS.flatMap((dir) =>
    readdirSync(path.join(pdfjsRoot, dir)).map((name) => ({
      url: `pdfjs/${dir}/${name}`,
      file: path.join(pdfjsRoot, dir, name),
    })),
  );
}

/** Serves pdf.js's CMaps and standard fonts in dev and emits them into the build, unhashed. */
function pdfjsAssets(): Plugin {
  return {
    name: 'pdfjs-assets',
    configureServer(server) {
      const files = new Map(pdfjsAssetFiles().map((a) => [`/${a.url}`, a.file]));
      server.middlewares.use((req, res, next) => {
        const file = files.get((req.url ?? '').split('?')[0] ?? '');
        if (!file) return next();
        res.setHeader('content-type', 'application/octet-stream');
        res.end(readFileSync(file));
      });
    },
    generateBundle() {
      for (const a of pdfjsAssetFiles()) {
        this.emitFile({ type: 'asset', fileName: a.url, source: readFileSync(a.file) });
      }
    },
  };
}

export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react(), pdfjsAssets()],
  worker: { format: 'es' },
  build: {
    outDir: '../../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
