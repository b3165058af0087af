import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from '../../scripts/lib/processes';

/**
 * Packaging smoke test (docs/desktop.md): installs the .deb that `npm run dist:linux` built for
 * this machine's arch (extracted with dpkg-deb, as dpkg would lay it out), starts the installed
 * program with Playwright's Electron support and checks that it opens its window on the log-in
 * screen with better-sqlite3 loaded from outside the asar, and that the fuses hold.
 * Where Electron exists it must run; `npm run dist:linux` first.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const DEB_ARCH = { x64: 'amd64', arm64: 'arm64' } as Record<string, string>;

test.skip(
  findElectronBinary() === null,
  'Electron 运行时未安装（其二进制只能从 GitHub 下载，本机无法访问），无法构建和启动桌面安装包',
);

function installedExecutable(): string {
  const release = path.join(ROOT, 'release');
  const deb = existsSync(release)
    ? readdirSync(release).find((f) => f.endsWith(`_${DEB_ARCH[process.arch]}.deb`))
    : undefined;
  if (!deb) throw new Error('release/ 中没有本机架构的 .deb：先运行 npm run dist:linux');
  const root = mkdtempSync(path.join(tmpdir(), 'counter-install-'));
  execFileSync('dpkg-deb', ['-x', path.join(release, deb), root]);
  const optDir = path.join(root, 'opt');
  const [appDir] = readdirSync(optDir);
  if (!appDir) throw new Error('安装包中没有 /opt 下的程序目录');
  return path.join(optDir, appDir, 'epc-pharmacy-counter');
}

test('the installed desktop app opens its window on the log-in screen; RunAsNode is fused off [ARCH]', async () => {
  test.setTimeout(120_000);
  const executablePath = installedExecutable();
  const asNode = execFileSync(executablePath, ['-e', 'process.stdout.write("node")'], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    timeout: 20_000,
  }).toString();
  expect(asNode).not.toBe('node');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'counter-data-'));
  const app = await electron.launch({
    executablePath,
    env: { ...process.env, EPC_DATA_DIR: dataDir },
  });
  try {
    const window = await app.firstWindow();
    await expect(window).toHaveTitle(/医保电子处方药店柜台/);
    await expect(window.getByText('登录')).toBeVisible({ timeout: 60_000 });
    const unpacked = await app.evaluate(
      ({ app: a }) =>
        require('node:fs').existsSync(
          `${(process as unknown as { resourcesPath: string }).resourcesPath}/app.asar.unpacked/native/${process.platform}-${process.arch}/better_sqlite3.node`,
        ) && a.isPackaged,
    );
    expect(unpacked).toBe(true);
  } finally {
    await app.close();
  }
});
