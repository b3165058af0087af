import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BUNDLES } from './desktop-bundle';
import { type DesktopTarget, stagedNativeFile, targetId } from './desktop-targets';
import { expandTargetMacros, fileSetIncludes } from './glob-match';
import { nativeBinaryTarget, nativeModuleAbi, readBinaryHeader } from './native-binary';

/** The parts of electron-builder's configuration the check reads. */
export interface BuilderConfig {
  asar?: boolean;
  extraResources?: Array<string | { from: string; to: string }>;
  asarUnpack?: string | string[];
  files?: string[];
  win?: PlatformConfig;
  linux?: PlatformConfig;
}
interface PlatformConfig {
  files?: string[];
  asarUnpack?: string | string[];
  target?: Array<{ target: string; arch?: string[] }>;
}

export interface TargetVerdict {
  target: string;
  nativeFiles: string[];
  problems: string[];
}

const PLATFORM_KEY = { win32: 'win', linux: 'linux' } as const;

/** Every platform/arch the configuration builds installers for. */
export function configuredTargets(config: BuilderConfig): DesktopTarget[] {
  const found = new Map<string, DesktopTarget>();
  for (const platform of ['win32', 'linux'] as const) {
    for (const entry of config[PLATFORM_KEY[platform]]?.target ?? []) {
      for (const arch of entry.arch ?? ['x64']) {
        if (arch !== 'x64' && arch !== 'arm64') continue;
        found.set(`${platform}-${arch}`, { platform, arch });
      }
    }
  }
  return [...found.values()];
}

function nodeFilesUnder(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) return nodeFilesUnder(path.join(dir, e.name), rel);
    return e.name.endsWith('.node') ? [rel] : [];
  });
}

const asList = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

/**
 * For one target: every bundle of the app (main, preload, sandbox, the backend process, the
 * worker threads) is staged and packed; better-sqlite3's binary is in the staged app, is compiled for that platform
 * and arch, is packed (the `files` set takes it) and unpacked from the asar (`asarUnpack`), since
 * Electron cannot dlopen a file inside an archive; and every other `.node` file that target's
 * package would carry is unpacked and of the target too.
 */
export function checkTarget(
  config: BuilderConfig,
  appDir: string,
  t: DesktopTarget,
  /** The Node ABI of the Electron the app ships (node-abi); each module must be built for it. */
  electronAbi?: number,
): TargetVerdict {
  const platformConfig = config[PLATFORM_KEY[t.platform]] ?? {};
  const expand = (patterns: string[]) => patterns.map((p) => expandTargetMacros(p, t));
  const files = expand(platformConfig.files ?? config.files ?? ['**/*']);
  const unpack = expand([...asList(config.asarUnpack), ...asList(platformConfig.asarUnpack)]);
  const problems: string[] = [];
  if (config.asar !== true) problems.push('electron-builder 配置未开启 asar 打包');
  const resources = (config.extraResources ?? []).map((r) =>
    typeof r === 'string' ? { from: r, to: r } : r,
  );
  if (!resources.some((r) => r.from === 'config' && r.to === 'config')) {
    problems.push(
      'extraResources 未把 config/ 放到 resources/config（政策包、药品目录、版式、沙箱凭据都在其中）',
    );
  }
  const required = stagedNativeFile(t);
  if (!existsSync(path.join(appDir, required))) {
    problems.push(`缺少 ${required}（先在该平台上运行 build-electron-native）`);
  }
  for (const { file } of BUNDLES) {
    if (!existsSync(path.join(appDir, file))) problems.push(`缺少 ${file}（先运行 npm run build）`);
    else if (!fileSetIncludes(files, file)) problems.push(`${file} 未被 files 规则打入安装包`);
  }
  const packed = nodeFilesUnder(appDir).filter((f) => fileSetIncludes(files, f));
  if (existsSync(path.join(appDir, required)) && !packed.includes(required)) {
    problems.push(`${required} 未被 files 规则打入安装包`);
  }
  for (const file of packed) {
    if (!unpack.some((p) => fileSetIncludes([p], file))) {
      problems.push(`${file} 未列入 asarUnpack（asar 内的 .node 无法加载）`);
    }
    const built = nativeBinaryTarget(readBinaryHeader(path.join(appDir, file)));
    if (!built) problems.push(`${file} 不是可识别的 ELF/PE 本机模块`);
    else if (targetId(built) !== targetId(t)) {
      problems.push(`${file} 是为 ${targetId(built)} 编译的，不能装入 ${targetId(t)} 安装包`);
    }
    if (electronAbi !== undefined) {
      const abi = nativeModuleAbi(readFileSync(path.join(appDir, file)));
      if (abi === null) problems.push(`${file} 中找不到 Node 模块入口，无法确认其 ABI`);
      else if (abi !== 'napi' && abi !== electronAbi) {
        problems.push(
          `${file} 是为 Node ABI ${abi} 编译的，而随附的 Electron 需要 ABI ${electronAbi}（请用 build-electron-native 针对 Electron 重新编译）`,
        );
      }
    }
  }
  return { target: targetId(t), nativeFiles: packed, problems };
}
