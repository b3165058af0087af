import path from 'node:path';
import { buildElectron, stageApp } from './build-electron';
import { buildElectronNative } from './build-electron-native';
import { readBuilderConfig } from './check-package';
import { DIST_TARGETS, targetId } from './lib/desktop-targets';
import { checkTarget } from './lib/package-check';
import { ROOT, run } from './lib/processes';

/**
 * `npm run dist:win` (on Windows) / `npm run dist:linux` (on Linux): the desktop bundles, the
 * Electron build of better-sqlite3 for each of the OS's targets, the staged app with them, the
 * package check, then electron-builder with the platform flag and arches — so a Windows
 * installer never carries a Linux binary. Every tool is started through node (no npx/.cmd shims).
 */
const os = process.argv[2];
if (os !== 'win' && os !== 'linux') throw new Error('用法：dist.ts win|linux');
const hostOs = process.platform === 'win32' ? 'win' : process.platform;
if (hostOs !== os) {
  throw new Error(
    `${os} 安装包须在 ${os === 'win' ? 'Windows' : 'Linux'} 上构建（当前主机 ${process.platform}）`,
  );
}
const config = readBuilderConfig(path.join(ROOT, 'electron-builder.yml')) as {
  electronVersion?: string;
};
const electronVersion = config.electronVersion ?? '45.4.1';
const targets = DIST_TARGETS[os];

await buildElectron();
for (const t of targets) await buildElectronNative(electronVersion, t);
stageApp();
const problems = targets.flatMap((t) =>
  checkTarget(
    readBuilderConfig(path.join(ROOT, 'electron-builder.yml')),
    path.join(ROOT, 'dist-app'),
    t,
  ).problems.map((p) => `${targetId(t)}: ${p}`),
);
if (problems.length > 0) throw new Error(`安装包检查不通过：\n${problems.join('\n')}`);
await run(process.execPath, [
  path.join(ROOT, 'node_modules/electron-builder/cli.js'),
  `--${os}`,
  ...targets.map((t) => `--${t.arch}`),
  '--config',
  'electron-builder.yml',
  '--publish',
  'never',
]);
