import { existsSync } from 'node:fs';
import path from 'node:path';
import { startSandbox } from './server';

/**
 * `npm run sandbox`: the sandbox center as its own process.
 * SANDBOX_PORT (default 8097; 0 = any free port), SANDBOX_DB (default .data/sandbox/sandbox.db),
 * SANDBOX_CONFIG (credential file; default the built-in config/sandbox.json),
 * SANDBOX_NATIVE_BINDING (better-sqlite3 binary for Electron's ABI).
 * Prints exactly one machine-readable line `SANDBOX_READY <url>` once it accepts requests.
 */
function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 8097;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`SANDBOX_PORT 无效：${value}（应为 0–65535 的整数）`);
  }
  return port;
}

/** SANDBOX_CONFIG when it names an existing file; otherwise the built-in credentials. */
function configFile(): string | undefined {
  const file = process.env.SANDBOX_CONFIG;
  if (!file) return undefined;
  if (existsSync(file)) return file;
  console.error(`[沙箱] 未找到 SANDBOX_CONFIG 指定的文件 ${file}，改用内置的 config/sandbox.json`);
  return undefined;
}

async function main(): Promise<void> {
  const dbFile = process.env.SANDBOX_DB || path.join(process.cwd(), '.data/sandbox/sandbox.db');
  const config = configFile();
  const sandbox = await startSandbox({
    port: parsePort(process.env.SANDBOX_PORT),
    dbFile,
    demoPrescriptionsAfterReady: true,
    ...(config ? { configFile: config } : {}),
    ...(process.env.SANDBOX_NATIVE_BINDING
      ? { nativeBinding: process.env.SANDBOX_NATIVE_BINDING }
      : {}),
    log: (line) => console.error(`[沙箱] ${line}`),
  });
  const active = sandbox.faults.list();
  if (active.length > 0)
    console.error(
      `[沙箱] 注意：数据库中有 ${active.length} 条故障注入规则仍然生效（DELETE /x/sandbox/faults 可清除）`,
    );
  console.log(`SANDBOX_READY ${sandbox.url}`);
  console.log(`医保中心沙箱已启动：${sandbox.url}（数据库 ${dbFile}）。按 Ctrl+C 停止。`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`[沙箱] 收到 ${signal}，正在停止…`);
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(`沙箱中心启动失败：${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
