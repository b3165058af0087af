import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../services/project-paths';

/** From `npm start`'s bundle (scripts/build-host.ts) the sandbox is bundled beside this code. */
const BUNDLED = !(import.meta.filename ?? '').endsWith('.ts');
const SANDBOX_ENTRY = BUNDLED
  ? [path.join(import.meta.dirname, 'sandbox.mjs')]
  : ['--import', 'tsx', path.join(PROJECT_ROOT, 'src/sandbox/main.ts')];

/**
 * Starts the sandbox center as its own process and resolves with its URL once it is ready.
 * `quiet` drops its log (a line per request) and its later output, e.g. for a benchmark.
 */
export function startSandboxProcess(
  env: NodeJS.ProcessEnv,
  opts: { quiet?: boolean } = {},
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, SANDBOX_ENTRY, {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', opts.quiet ? 'ignore' : 'inherit'],
  });
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
