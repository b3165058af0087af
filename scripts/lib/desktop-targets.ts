import path from 'node:path';

/** One platform/arch the desktop app is packaged for (Node's names: win32/linux, x64/arm64). */
export interface DesktopTarget {
  platform: 'win32' | 'linux';
  arch: 'x64' | 'arm64';
}

/** What `npm run dist:<os>` packages: Windows 10/11 x64; Linux x64 and arm64 (信创 machines). */
export const DIST_TARGETS: Readonly<Record<'win' | 'linux', readonly DesktopTarget[]>> = {
  win: [{ platform: 'win32', arch: 'x64' }],
  linux: [
    { platform: 'linux', arch: 'x64' },
    { platform: 'linux', arch: 'arm64' },
  ],
};

/** electron-builder's `${platform}-${arch}` for a target, the folder name of its native module. */
export const targetId = (t: DesktopTarget): string => `${t.platform}-${t.arch}`;

/** Where the better-sqlite3 build for Electron of one target is kept (beside the Node build). */
export function nativeCacheFile(root: string, t: DesktopTarget): string {
  return path.join(root, '.cache/electron-native', targetId(t), 'better_sqlite3.node');
}

/** Its place inside the staged app folder (unpacked from the asar by `asarUnpack`). */
export const stagedNativeFile = (t: DesktopTarget): string =>
  `native/${targetId(t)}/better_sqlite3.node`;
