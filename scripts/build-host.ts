import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { THREAD_ENTRIES } from './lib/desktop-bundle';
import { ROOT } from './lib/processes';

/**
 * `npm start`'s own code, bundled once so that starting the counter does not compile
 * TypeScript (issue 20: tsx alone cost ~0.2 s before the first line ran, and loading the
 * services' modules through it ~1.5 s). scripts/launch.mjs rebuilds it when a source changed.
 *
 * Everything lands in one folder two levels below the root, as the sources are (src/host/,
 * scripts/lib/): the paths the code makes from `import.meta.dirname` ('../..' is the root) stay
 * right. Packages stay in node_modules. Thread entries are CommonJS files beside the chunks, as
 * in the Electron bundle (src/center/thread-loader.ts), and the sandbox center is bundled too
 * (src/host/sandbox-process.ts starts it from here).
 */
export const HOST_BUNDLE_DIR = path.join(ROOT, 'dist/host');
export const HOST_BUNDLE_STAMP = 'bundle-stamp.json';

export async function buildHostBundle(stamp: unknown): Promise<void> {
  const staging = `${HOST_BUNDLE_DIR}.building-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const common = {
    bundle: true,
    platform: 'node' as const,
    target: 'node20',
    packages: 'external' as const,
    sourcemap: 'linked' as const,
    logLevel: 'warning' as const,
    absWorkingDir: ROOT,
    outdir: staging,
  };
  await Promise.all([
    build({
      ...common,
      format: 'esm',
      splitting: true,
      entryPoints: { start: 'scripts/start.ts', sandbox: 'src/sandbox/main.ts' },
      outExtension: { '.js': '.mjs' },
    }),
    build({
      ...common,
      format: 'cjs',
      entryPoints: Object.fromEntries(
        THREAD_ENTRIES.map((entry) => [path.basename(entry, '.ts'), entry]),
      ),
      outExtension: { '.js': '.cjs' },
      define: { 'import.meta.dirname': '__dirname', 'import.meta.filename': '__filename' },
    }),
  ]);
  writeFileSync(path.join(staging, HOST_BUNDLE_STAMP), `${JSON.stringify(stamp)}\n`);
  // Another start may have built it meanwhile: the last complete build wins, never a half one.
  const old = `${HOST_BUNDLE_DIR}.old-${process.pid}`;
  try {
    if (existsSync(HOST_BUNDLE_DIR)) renameSync(HOST_BUNDLE_DIR, old);
    renameSync(staging, HOST_BUNDLE_DIR);
  } catch {
    rmSync(staging, { recursive: true, force: true }); // the other start's build is as new
  }
  rmSync(old, { recursive: true, force: true });
}
