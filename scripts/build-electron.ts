import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { DIST_TARGETS, nativeCacheFile, stagedNativeFile } from './lib/desktop-targets';
import { ROOT } from './lib/processes';

/**
 * Worker-thread entries, each bundled beside main.cjs as `<name>.cjs`: src/center/thread-loader.ts
 * starts a thread on `<dir of its caller>/<name>.cjs` when the code runs bundled.
 */
export const THREAD_ENTRIES = [
  'src/services/background/job-worker.ts',
  'src/center/rx/bulk-verify-worker.ts',
  'src/services/rx-reverify/reverify-worker.ts',
] as const;

/**
 * Bundles the desktop shell for Electron: main, preload and the embedded sandbox as CommonJS.
 * better-sqlite3's JavaScript is bundled too; its native binary is loaded through the
 * `nativeBinding` option, so the packaged app needs no node_modules at all.
 */
export async function buildElectron(): Promise<void> {
  const common = {
    bundle: true,
    platform: 'node' as const,
    format: 'cjs' as const,
    target: 'node22',
    external: ['electron'],
    define: { 'import.meta.dirname': '__dirname', 'import.meta.filename': '__filename' },
    logLevel: 'warning' as const,
    sourcemap: true,
  };
  const out = (name: string) => path.join(ROOT, 'dist-electron', name);
  await Promise.all([
    build({
      ...common,
      entryPoints: [path.join(ROOT, 'electron/main.ts')],
      outfile: out('main.cjs'),
    }),
    build({
      ...common,
      entryPoints: [path.join(ROOT, 'electron/preload.ts')],
      outfile: out('preload.cjs'),
    }),
    build({
      ...common,
      entryPoints: [path.join(ROOT, 'src/sandbox/main.ts')],
      outfile: out('sandbox.cjs'),
    }),
    ...THREAD_ENTRIES.map((entry) =>
      build({
        ...common,
        entryPoints: [path.join(ROOT, entry)],
        outfile: out(`${path.basename(entry, '.ts')}.cjs`),
      }),
    ),
  ]);
}

/** Stages what electron-builder packages: the bundles, the built renderer and a minimal manifest. */
export function stageApp(): void {
  const app = path.join(ROOT, 'dist-app');
  rmSync(app, { recursive: true, force: true });
  mkdirSync(app, { recursive: true });
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const manifest = {
    name: pkg.name,
    productName: pkg.productName,
    version: pkg.version,
    description: pkg.description,
    author: 'pharmacy counter team',
    main: 'dist-electron/main.cjs',
  };
  writeFileSync(path.join(app, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  cpSync(path.join(ROOT, 'dist-electron'), path.join(app, 'dist-electron'), { recursive: true });
  cpSync(path.join(ROOT, 'dist/renderer'), path.join(app, 'dist/renderer'), { recursive: true });
  stageNativeModules(app);
}

/**
 * Every better-sqlite3 build for Electron made so far (one per platform/arch) goes to
 * native/<platform>-<arch>/; electron-builder's `files` keeps only the target's own folder and
 * `asarUnpack` leaves it outside the archive (`npm run check:package` verifies both).
 */
function stageNativeModules(app: string): void {
  for (const target of [...DIST_TARGETS.win, ...DIST_TARGETS.linux]) {
    const built = nativeCacheFile(ROOT, target);
    if (!existsSync(built)) continue;
    const staged = path.join(app, stagedNativeFile(target));
    mkdirSync(path.dirname(staged), { recursive: true });
    cpSync(built, staged);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  await buildElectron();
  if (process.argv.includes('--stage')) stageApp();
  console.log('dist-electron/ 已生成');
}
