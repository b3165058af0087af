import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronAbiOf, readBuilderConfig } from '../../../scripts/check-package';
import { BUNDLES } from '../../../scripts/lib/desktop-bundle';
import { DIST_TARGETS, stagedNativeFile } from '../../../scripts/lib/desktop-targets';
import { fileSetIncludes } from '../../../scripts/lib/glob-match';
import {
  nativeBinaryTarget,
  nativeModuleAbi,
  readBinaryHeader,
} from '../../../scripts/lib/native-binary';
import { checkTarget, configuredTargets } from '../../../scripts/lib/package-check';
import { findProjectRoot } from '../../../src/services/project-paths';

const ROOT = path.resolve(import.meta.dirname, '../../..');
/** The Node build of better-sqlite3 on this machine: a real Linux x64 ELF shared object. */
const HOST_NODE_BINARY = path.join(
  ROOT,
  'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
);
const config = readBuilderConfig(path.join(ROOT, 'electron-builder.yml'));

/** A minimal PE header (MZ stub, PE signature, machine) as a Windows DLL would start. */
function peHeader(machine: number): Buffer {
  const b = Buffer.alloc(0x100);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  b.writeUInt16LE(machine, 0x84);
  return b;
}
/** A minimal 64-bit little-endian ELF header with the given e_machine. */
function elfHeader(machine: number): Buffer {
  const b = Buffer.alloc(64);
  b.writeUInt32BE(0x7f454c46, 0);
  b[4] = 2;
  b[5] = 1;
  b.writeUInt16LE(machine, 18);
  return b;
}

let app = '';
afterEach(() => rmSync(app, { recursive: true, force: true }));
function stage(files: Record<string, Buffer | string>): string {
  app = mkdtempSync(path.join(tmpdir(), 'stage-'));
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(app, rel)), { recursive: true });
    if (typeof content === 'string') copyFileSync(content, path.join(app, rel));
    else writeFileSync(path.join(app, rel), content);
  }
  return app;
}

/** Every bundle the app loads (scripts/lib/desktop-bundle.ts), staged empty. */
const allBundles = (): Record<string, Buffer> =>
  Object.fromEntries(BUNDLES.map(({ file }) => [file, Buffer.from('')]));

describe('npm run check:package (staged app folder against electron-builder.yml)', () => {
  it('reads the targets the config packages: win x64, linux x64 and arm64 [ARCH]', () => {
    expect(
      configuredTargets(config)
        .map((t) => `${t.platform}-${t.arch}`)
        .sort(),
    ).toEqual(['linux-arm64', 'linux-x64', 'win32-x64']);
  });

  it('tells the platform and arch of a native module from its header [ARCH]', () => {
    expect(nativeBinaryTarget(readBinaryHeader(HOST_NODE_BINARY))).toEqual({
      platform: 'linux',
      arch: process.arch,
    });
    expect(nativeBinaryTarget(peHeader(0x8664))).toEqual({ platform: 'win32', arch: 'x64' });
    expect(nativeBinaryTarget(elfHeader(183))).toEqual({ platform: 'linux', arch: 'arm64' });
    expect(nativeBinaryTarget(Buffer.from('not a binary at all, just text'))).toBeNull();
  });

  it('passes every target when each has its own binary, packed and unpacked from the asar [ARCH]', () => {
    const dir = stage({
      ...allBundles(),
      [stagedNativeFile({ platform: 'linux', arch: 'x64' })]: HOST_NODE_BINARY,
      [stagedNativeFile({ platform: 'linux', arch: 'arm64' })]: elfHeader(183),
      [stagedNativeFile({ platform: 'win32', arch: 'x64' })]: peHeader(0x8664),
    });
    for (const t of [...DIST_TARGETS.win, ...DIST_TARGETS.linux]) {
      const verdict = checkTarget(config, dir, t);
      expect(verdict.problems, verdict.target).toEqual([]);
      expect(verdict.nativeFiles).toEqual([stagedNativeFile(t)]);
    }
  });

  it('refuses a package without the backend process or a worker thread bundle, or with one the files set leaves out [ARCH][R-KEEP]', () => {
    const { 'dist-electron/backend-process.cjs': _backend, ...rest } = allBundles();
    const dir = stage({
      ...rest,
      [stagedNativeFile({ platform: 'linux', arch: 'x64' })]: HOST_NODE_BINARY,
    });
    const linux = { platform: 'linux', arch: 'x64' } as const;
    expect(checkTarget(config, dir, linux).problems).toEqual([
      '缺少 dist-electron/backend-process.cjs（先运行 npm run build）',
    ]);
    const full = stage({ ...allBundles(), [stagedNativeFile(linux)]: HOST_NODE_BINARY });
    const withoutJobs = {
      ...config,
      files: [...(config.files ?? []), '!dist-electron/job-worker.cjs'],
    };
    expect(checkTarget(withoutJobs, full, linux).problems).toEqual([
      'dist-electron/job-worker.cjs 未被 files 规则打入安装包',
    ]);
  });

  it('refuses a Linux binary staged for the Windows installer, and a missing one [ARCH]', () => {
    const dir = stage({ [stagedNativeFile({ platform: 'win32', arch: 'x64' })]: HOST_NODE_BINARY });
    const win = checkTarget(config, dir, { platform: 'win32', arch: 'x64' });
    expect(win.problems.join('\n')).toContain('是为 linux-x64 编译的，不能装入 win32-x64 安装包');
    const arm = checkTarget(config, dir, { platform: 'linux', arch: 'arm64' });
    expect(arm.problems.join('\n')).toContain('缺少 native/linux-arm64/better_sqlite3.node');
  });

  it('refuses a .node file left inside the asar (no asarUnpack) or carried from another target [ARCH]', () => {
    const dir = stage({
      [stagedNativeFile({ platform: 'linux', arch: 'x64' })]: HOST_NODE_BINARY,
      'lib/stray.node': HOST_NODE_BINARY,
    });
    const withoutUnpack = { ...config, asarUnpack: [] };
    const verdict = checkTarget(withoutUnpack, dir, { platform: 'linux', arch: 'x64' });
    expect(verdict.problems).toContain(
      'native/linux-x64/better_sqlite3.node 未列入 asarUnpack（asar 内的 .node 无法加载）',
    );
    expect(verdict.problems).toContain(
      'lib/stray.node 未列入 asarUnpack（asar 内的 .node 无法加载）',
    );
    const everything = { ...config, files: ['**/*'] };
    const arm = stage({
      [stagedNativeFile({ platform: 'linux', arch: 'x64' })]: HOST_NODE_BINARY,
      [stagedNativeFile({ platform: 'linux', arch: 'arm64' })]: elfHeader(183),
    });
    expect(checkTarget(everything, arm, { platform: 'linux', arch: 'arm64' }).problems).toContain(
      'native/linux-x64/better_sqlite3.node 是为 linux-x64 编译的，不能装入 linux-arm64 安装包',
    );
  });

  it("refuses a module built for this machine's Node instead of the pinned Electron, and passes one built for Electron or Node-API [ARCH]", () => {
    const electronAbi = electronAbiOf('45.4.1');
    expect(electronAbi).toBe(150);
    const hostAbi = Number(process.versions.modules);
    expect(nativeModuleAbi(readFileSync(HOST_NODE_BINARY))).toBe(hostAbi);
    const forElectron = Buffer.concat([
      elfHeader(62),
      Buffer.from('\0node_register_module_v150\0'),
    ]);
    const napi = Buffer.concat([elfHeader(183), Buffer.from('\0napi_register_module_v1\0')]);
    const dir = stage({
      ...allBundles(),
      [stagedNativeFile({ platform: 'linux', arch: 'x64' })]: HOST_NODE_BINARY,
      [stagedNativeFile({ platform: 'linux', arch: 'arm64' })]: napi,
      [stagedNativeFile({ platform: 'win32', arch: 'x64' })]: peHeader(0x8664),
    });
    const x64 = checkTarget(config, dir, { platform: 'linux', arch: 'x64' }, electronAbi);
    expect(x64.problems).toEqual([
      `native/linux-x64/better_sqlite3.node 是为 Node ABI ${hostAbi} 编译的，而随附的 Electron 需要 ABI 150（请用 build-electron-native 针对 Electron 重新编译）`,
    ]);
    expect(
      checkTarget(config, dir, { platform: 'linux', arch: 'arm64' }, electronAbi).problems,
    ).toEqual([]);
    expect(
      checkTarget(config, dir, { platform: 'win32', arch: 'x64' }, electronAbi).problems,
    ).toEqual(['native/win32-x64/better_sqlite3.node 中找不到 Node 模块入口，无法确认其 ABI']);
    const rebuilt = stage({
      ...allBundles(),
      [stagedNativeFile({ platform: 'linux', arch: 'x64' })]: forElectron,
    });
    expect(
      checkTarget(config, rebuilt, { platform: 'linux', arch: 'x64' }, electronAbi).problems,
    ).toEqual([]);
  });

  it('matches file sets as electron-builder does: the last matching pattern decides [ARCH]', () => {
    const files = ['**/*', '!**/*.map', '!native/**', 'native/linux-x64/**'];
    expect(fileSetIncludes(files, 'dist-electron/main.cjs')).toBe(true);
    expect(fileSetIncludes(files, 'dist-electron/main.cjs.map')).toBe(false);
    expect(fileSetIncludes(files, 'native/linux-arm64/better_sqlite3.node')).toBe(false);
    expect(fileSetIncludes(files, 'native/linux-x64/better_sqlite3.node')).toBe(true);
  });
});

describe('where the installed app finds config/ (policy packs, catalogue, layouts)', () => {
  it('finds it beside app.asar once packaged, beside the checkout from the sources and bundles; the config ships as extraResources [R-REGION][ARCH]', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'resources-'));
    try {
      const resources = path.join(root, 'resources');
      mkdirSync(path.join(resources, 'config/policy'), { recursive: true });
      mkdirSync(path.join(resources, 'app.asar/dist-electron'), { recursive: true });
      expect(findProjectRoot(path.join(resources, 'app.asar/dist-electron'))).toBe(resources);
      expect(findProjectRoot(path.join(ROOT, 'dist-electron'))).toBe(ROOT);
      expect(findProjectRoot(path.join(ROOT, 'dist/host'))).toBe(ROOT);
      expect(findProjectRoot(path.join(ROOT, 'src/services'))).toBe(ROOT);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    const withoutConfig = {
      ...config,
      extraResources: [{ from: 'config/sandbox.json', to: 'config/sandbox.json' }],
    };
    const dir = stage({
      ...allBundles(),
      [stagedNativeFile({ platform: 'linux', arch: 'x64' })]: HOST_NODE_BINARY,
    });
    expect(
      checkTarget(withoutConfig, dir, { platform: 'linux', arch: 'x64' }).problems.join('\n'),
    ).toContain('extraResources 未把 config/ 放到 resources/config');
    expect(checkTarget(config, dir, { platform: 'linux', arch: 'x64' }).problems).toEqual([]);
  });
});
