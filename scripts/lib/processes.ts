import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export { startSandboxProcess } from '../../src/host/sandbox-process';

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
