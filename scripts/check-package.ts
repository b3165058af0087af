import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DIST_TARGETS, targetId } from './lib/desktop-targets';
import { type BuilderConfig, checkTarget, configuredTargets } from './lib/package-check';
import { ROOT } from './lib/processes';

/**
 * `npm run check:package [-- win|linux] [--app dist-app] [--config electron-builder.yml]`:
 * reads the electron-builder configuration and the staged app folder and says, per target,
 * whether its better-sqlite3 binary is there, built for that target and unpacked from the asar.
 * Exit 1 on any problem. Runs without Electron (stage first with `npm run build`).
 */
function argValue(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : fallback;
}

/** The Node ABI of the Electron this app pins, from node-abi (electron-builder's own table). */
export function electronAbiOf(electronVersion: string): number {
  const nodeAbi = createRequire(import.meta.url)('node-abi') as {
    getAbi(version: string, runtime: 'electron'): string;
  };
  return Number(nodeAbi.getAbi(electronVersion, 'electron'));
}

function pinnedElectron(): string {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    optionalDependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const version = pkg.optionalDependencies?.electron ?? pkg.devDependencies?.electron;
  if (!version) throw new Error('package.json 未声明 electron 版本');
  return version.replace(/^[\^~]/, '');
}

export function readBuilderConfig(file: string): BuilderConfig {
  // js-yaml is electron-builder's own YAML reader (a dependency of app-builder-lib).
  const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
  return yaml.load(readFileSync(file, 'utf8')) as BuilderConfig;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const config = readBuilderConfig(
    path.resolve(ROOT, argValue('--config', 'electron-builder.yml')),
  );
  const appDir = path.resolve(ROOT, argValue('--app', 'dist-app'));
  const only = process.argv.slice(2).find((a) => a === 'win' || a === 'linux');
  const wanted = only ? DIST_TARGETS[only].map(targetId) : null;
  const targets = configuredTargets(config).filter((t) => !wanted || wanted.includes(targetId(t)));
  const electron = pinnedElectron();
  const abi = electronAbiOf(electron);
  console.log(`Electron ${electron}：本机模块须为 Node ABI ${abi} 编译`);
  let failed = false;
  for (const t of targets) {
    const verdict = checkTarget(config, appDir, t, abi);
    failed ||= verdict.problems.length > 0;
    const state = verdict.problems.length === 0 ? '通过' : '不通过';
    console.log(
      `${verdict.target}\t${state}\t${verdict.nativeFiles.join(', ') || '（无 .node 文件）'}`,
    );
    for (const p of verdict.problems) console.log(`  - ${p}`);
  }
  if (targets.length === 0) {
    console.log('配置中没有要检查的目标');
    failed = true;
  }
  process.exit(failed ? 1 : 0);
}
