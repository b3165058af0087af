import {
  PRINT_JOBS,
  type PrintJob,
  type PrintSettings,
} from '../src/domain/desktop/print-settings';
import { type SilentPrintOptions, silentPrintOptions } from './print-options';
import { isRendererOrigin } from './serial-ports';

/** The part of webContents that prints (Electron's callback API as a promise). */
export interface PrintTarget {
  print(options: SilentPrintOptions, done: (success: boolean, failureReason: string) => void): void;
}

/**
 * One print request from the renderer (IPC 'print'): our own page only, a known job; printed
 * silently with the settings' printer and paper; after a receipt, the cash drawer when set.
 * Resolves with null when printed, or the Chinese reason it was not.
 */
export async function answerPrintCall(
  senderUrl: string | undefined,
  job: unknown,
  target: PrintTarget,
  settings: PrintSettings,
  kickDrawer: (printerName: string | null) => Promise<void>,
): Promise<string | null> {
  if (!isRendererOrigin(senderUrl)) return '拒绝来自非本应用页面的调用';
  if (!PRINT_JOBS.includes(job as PrintJob)) return '打印内容不合法';
  const failure = await new Promise<string | null>((resolve) =>
    target.print(silentPrintOptions(settings), (ok, reason) =>
      resolve(ok ? null : `打印失败：${reason || '打印机未响应'}`),
    ),
  );
  if (failure) return failure;
  if (job === 'receipt' && settings.kickCashDrawer) {
    try {
      await kickDrawer(settings.printerName);
    } catch (err) {
      return err instanceof Error ? err.message : '打开钱箱失败';
    }
  }
  return null;
}
