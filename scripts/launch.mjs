/**
 * `npm start`: runs the start script from its bundle (dist/host, scripts/build-host.ts), built
 * again first when a source changed since. Plain JavaScript, so that no TypeScript is compiled
 * on the way to the counter's window (issue 20); only a rebuild loads tsx. The sources stay
 * runnable as they are (`node --import tsx scripts/start.ts`), which the tests use.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(import.meta.dirname, '..');
const BUNDLE_DIR = path.join(ROOT, 'dist/host');
const STAMP = path.join(BUNDLE_DIR, 'bundle-stamp.json');
/** What the bundle is made of: the renderer is built apart (vite) and served as files. */
const SOURCES = ['src', 'scripts', 'config/sandbox.json', 'package.json', 'tsconfig.json'];
const NOT_SOURCES = new Set([path.join(ROOT, 'src/renderer')]);

/** How many source files there are and when the newest changed: a changed, added or removed file changes it. */
function fingerprint() {
  let files = 0;
  let newest = 0;
  const visit = (p) => {
    if (NOT_SOURCES.has(p) || !existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) visit(path.join(p, name));
      return;
    }
    files += 1;
    newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of SOURCES) visit(path.join(ROOT, p));
  return { files, newest, node: process.versions.modules };
}

function builtFrom() {
  try {
    return readFileSync(STAMP, 'utf8').trim();
  } catch {
    return null;
  }
}

const wanted = fingerprint();
if (builtFrom() !== JSON.stringify(wanted)) {
  console.log('正在构建柜台程序（源代码有更新）…');
  const { register } = await import('tsx/esm/api');
  register();
  const { buildHostBundle } = await import('./build-host.ts');
  await buildHostBundle(wanted);
}
// `--bundle-only`: build if needed and stop (the start-up bench measures starts, not builds).
if (process.argv.includes('--bundle-only')) process.exit(0);
process.setSourceMapsEnabled(true);
await import(pathToFileURL(path.join(BUNDLE_DIR, 'start.mjs')).href);
