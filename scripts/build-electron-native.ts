import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type DesktopTarget, nativeCacheFile, targetId } from './lib/desktop-targets';
import { nativeBinaryTarget, readBinaryHeader } from './lib/native-binary';
import { ROOT, run } from './lib/processes';

/**
 * Builds better-sqlite3 for Electron's ABI and one target into .cache/electron-native/<platform>-<arch>/,
 * beside (not over) the Node build in node_modules that the tests and browser mode use.
 *
 * better-sqlite3 publishes its Electron prebuilds on GitHub releases only, not in its npm
 * package, so the binary is compiled here with node-gyp (called through node, no `npx`, so it
 * works from cmd.exe too) against Electron's headers from electronjs.org. A native module is
 * compiled on its own platform: Windows on Windows (MSVC), Linux on Linux; Linux arm64 on an
 * arm64 machine, or on x64 with a cross compiler given in CC/CXX (e.g. aarch64-linux-gnu-g++).
 */
export async function buildElectronNative(
  electronVersion: string,
  target: DesktopTarget,
): Promise<string> {
  const out = nativeCacheFile(ROOT, target);
  const stamp = `${out}.electron-${electronVersion}`;
  if (existsSync(out) && existsSync(stamp)) return out;
  if (target.platform !== process.platform) {
    throw new Error(
      `${targetId(target)} 的 better-sqlite3 须在该平台上编译（当前主机 ${process.platform}）`,
    );
  }
  if (target.arch !== process.arch && !process.env.CXX) {
    throw new Error(
      `在 ${process.arch} 主机上为 ${target.arch} 编译需要交叉编译器：设置 CC/CXX（如 aarch64-linux-gnu-gcc/g++），或在 ${target.arch} 机器上运行`,
    );
  }
  const work = path.join(ROOT, '.cache/better-sqlite3-electron', targetId(target));
  rmSync(work, { recursive: true, force: true });
  cpSync(path.join(ROOT, 'node_modules/better-sqlite3'), work, { recursive: true });
  rmSync(path.join(work, 'build'), { recursive: true, force: true });
  console.log(`正在为 Electron ${electronVersion}（${targetId(target)}）编译 better-sqlite3…`);
  await run(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/node-gyp/bin/node-gyp.js'),
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      `--arch=${target.arch}`,
      '--runtime=electron',
      '--dist-url=https://electronjs.org/headers',
      `--directory=${work}`,
    ],
    { npm_config_nodedir: '' },
  );
  const built = path.join(work, 'build/Release/better_sqlite3.node');
  const actual = nativeBinaryTarget(readBinaryHeader(built));
  if (!actual || targetId(actual) !== targetId(target)) {
    throw new Error(
      `编译结果不是 ${targetId(target)} 的本机模块（得到 ${actual ? targetId(actual) : '未知格式'}）`,
    );
  }
  mkdirSync(path.dirname(out), { recursive: true });
  cpSync(built, out);
  writeFileSync(stamp, `${electronVersion}\n`);
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const [version = '45.4.1', platform = process.platform, arch = process.arch] =
    process.argv.slice(2);
  if ((platform !== 'win32' && platform !== 'linux') || (arch !== 'x64' && arch !== 'arm64')) {
    throw new Error(`不支持的目标 ${platform}-${arch}`);
  }
  console.log(await buildElectronNative(version, { platform, arch }));
}
