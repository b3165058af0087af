import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { CASH_DRAWER_KICK } from '../src/domain/desktop/print-settings';

/**
 * How the drawer-kick bytes reach the receipt printer, per system. Linux: CUPS's `lp` in raw
 * mode (no driver in between). Windows: the printer shared under its own name and written to as
 * \\localhost\<name>, which the spooler passes through raw.
 */
export type RawPrintRoute =
  | { kind: 'command'; command: string; args: string[] }
  | { kind: 'file'; path: string };

export function rawPrintRoute(
  platform: NodeJS.Platform,
  printerName: string | null,
): RawPrintRoute {
  if (platform === 'win32') {
    if (!printerName) throw new Error('打开钱箱需要先在设置中选择小票打印机');
    return { kind: 'file', path: `\\\\localhost\\${printerName}` };
  }
  return {
    kind: 'command',
    command: 'lp',
    args: [...(printerName ? ['-d', printerName] : []), '-o', 'raw'],
  };
}

/** Sends ESC p 0 25 250 to the receipt printer: the drawer on its RJ11 socket opens. */
export async function kickCashDrawer(
  printerName: string | null,
  platform: NodeJS.Platform = process.platform,
): Promise<void> {
  const bytes = Buffer.from(CASH_DRAWER_KICK);
  const route = rawPrintRoute(platform, printerName);
  if (route.kind === 'file') {
    await writeFile(route.path, bytes);
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const child = spawn(route.command, route.args, { stdio: ['pipe', 'ignore', 'ignore'] });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`打开钱箱失败（lp 退出码 ${code}）`)),
    );
    child.stdin.end(bytes);
  });
}
