import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Starts the sandbox center as its own process and resolves with its URL once it is ready.
 * `quiet` drops its log (a line per request) and its later output, e.g. for a benchmark.
 */
export function startSandboxProcess(
  env: NodeJS.ProcessEnv,
  opts: { quiet?: boolean } = {},
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'src/sandbox/main.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', opts.quiet ? 'ignore' : 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error('沙箱中心 30 秒内未就绪')), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const match = /SANDBOX_READY (\S+)/.exec(buffered);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout?.removeAllListeners('data');
        if (opts.quiet) child.stdout?.resume();
        else child.stdout?.pipe(process.stdout);
        resolve({ url: match[1], child });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`沙箱中心启动失败（退出码 ${code}）`));
    });
  });
}

/** The Electron binary when the runtime is installed, or null (e.g. its download was impossible). */
export function findElectronBinary(): string | null {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

export function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) for (const name of readdirSync(p)) visit(path.join(p, name));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of paths) visit(p);
  return newest;
}

export function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: 'inherit',
    });
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} 退出码 ${code}`)),
    );
    child.once('error', reject);
  });
}

/** Rebuilds the renderer when any of its sources is newer than the last build. */
export async function ensureRendererBuilt(): Promise<void> {
  const built = path.join(ROOT, 'dist/renderer/index.html');
  const sources = ['src/renderer', 'src/contract', 'src/domain', 'vite.config.ts'].map((p) =>
    path.join(ROOT, p),
  );
  if (existsSync(built) && statSync(built).mtimeMs >= newestMtime(sources)) return;
  console.log('正在构建界面（vite build）…');
  await run(process.execPath, [
    path.join(ROOT, 'node_modules/vite/bin/vite.js'),
    'build',
    '--logLevel',
    'warn',
  ]);
}
