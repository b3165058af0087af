import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Run from source (tsx, vitest) this file is TypeScript; in the Electron bundle it is not. */
const FROM_SOURCE = (import.meta.filename ?? '').endsWith('.ts');

/**
 * Starts a worker thread on one of our entry files (`sourceFile`: the absolute path of its .ts
 * source) wherever the code runs. From source the thread must load TypeScript itself: a small
 * bootstrap registers tsx in it first. In the Electron bundle each entry is bundled beside
 * main.cjs as `<name>.cjs` (scripts/build-electron.ts, THREAD_ENTRIES), and `sourceFile`, made
 * from the caller's `import.meta.dirname`, already points into that folder.
 */
export function startThread(sourceFile: string, workerData: unknown): Worker {
  if (!FROM_SOURCE) return new Worker(sourceFile.replace(/\.ts$/, '.cjs'), { workerData });
  const tsxDir = path.dirname(createRequire(import.meta.filename).resolve('tsx/package.json'));
  const api = pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href;
  const entry = pathToFileURL(sourceFile).href;
  const bootstrap = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}
