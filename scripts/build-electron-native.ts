import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT, run } from './lib/processes';

/**
 * Builds better-sqlite3 for Electron's ABI into .cache/electron-native/, beside (not over) the
 * Node build in node_modules that the tests and browser mode use. The desktop app loads it
 * through better-sqlite3's `nativeBinding` option. Needs Electron's headers (a connected machine).
 */
export async function buildElectronNative(electronVersion: string): Promise<string> {
  const out = path.join(ROOT, '.cache/electron-native');
  const target = path.join(out, 'better_sqlite3.node');
  const stamp = path.join(out, `electron-${electronVersion}`);
  if (existsSync(target) && existsSync(stamp)) return target;
  const work = path.join(ROOT, '.cache/better-sqlite3-electron');
  rmSync(work, { recursive: true, force: true });
  cpSync(path.join(ROOT, 'node_modules/better-sqlite3'), work, { recursive: true });
  rmSync(path.join(work, 'build'), { recursive: true, force: true });
  console.log(`正在为 Electron ${electronVersion} 编译 better-sqlite3…`);
  await run(
    'npx',
    [
      '--yes',
      'node-gyp',
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      '--runtime=electron',
      '--dist-url=https://electronjs.org/headers',
      `--directory=${work}`,
    ],
    { npm_config_nodedir: '' },
  );
  mkdirSync(out, { recursive: true });
  cpSync(path.join(work, 'build/Release/better_sqlite3.node'), target);
  cpSync(target, stamp);
  return target;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const version = process.argv[2] ?? '45.4.1';
  console.log(await buildElectronNative(version));
}
