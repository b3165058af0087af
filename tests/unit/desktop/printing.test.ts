import { describe, expect, it } from 'vitest';
import { rawPrintRoute } from '../../../electron/cash-drawer';
import { silentPrintOptions } from '../../../electron/print-options';
import { answerPrintCall, type PrintTarget } from '../../../electron/printer';
import { CASH_DRAWER_KICK, type PrintSettings } from '../../../src/domain/desktop/print-settings';

const receiptPrinter: PrintSettings = { printerName: 'XP-58', paper: '58mm', kickCashDrawer: true };

/** Stands in for webContents.print: records the options, answers like Chromium's callback. */
function target(ok = true): PrintTarget & { calls: unknown[] } {
  const calls: unknown[] = [];
  return {
    calls,
    print(options, done) {
      calls.push(options);
      done(ok, ok ? '' : 'Printer is offline');
    },
  };
}

describe('silent printing to the printer chosen in settings', () => {
  it('maps the paper to the page size in microns, no margins on a roll, and prints silently [R-GUIDE][R-EINVOICE]', () => {
    expect(silentPrintOptions(receiptPrinter)).toEqual({
      silent: true,
      printBackground: false,
      deviceName: 'XP-58',
      pageSize: { width: 58_000, height: 297_000 },
      margins: { marginType: 'none' },
      landscape: false,
      copies: 1,
    });
    expect(silentPrintOptions({ ...receiptPrinter, paper: '80mm' }).pageSize).toEqual({
      width: 80_000,
      height: 297_000,
    });
    const a4 = silentPrintOptions({ printerName: null, paper: 'A4', kickCashDrawer: false });
    expect(a4).toMatchObject({ silent: true, pageSize: 'A4', margins: { marginType: 'default' } });
    expect(a4).not.toHaveProperty('deviceName');
  });

  it('the drawer kick is ESC p 0 25 250, sent raw to the receipt printer [R-EINVOICE]', () => {
    expect(Buffer.from(CASH_DRAWER_KICK).toString('hex')).toBe('1b700019fa');
    expect(rawPrintRoute('linux', 'XP-58')).toEqual({
      kind: 'command',
      command: 'lp',
      args: ['-d', 'XP-58', '-o', 'raw'],
    });
    expect(rawPrintRoute('win32', 'XP-58')).toEqual({ kind: 'file', path: '\\\\localhost\\XP-58' });
    expect(() => rawPrintRoute('win32', null)).toThrow('打开钱箱需要先在设置中选择小票打印机');
  });

  it('prints a receipt and then opens the drawer; guidance never opens it; a failure is said in Chinese [R-GUIDE]', async () => {
    const kicked: Array<string | null> = [];
    const kick = async (name: string | null) => void kicked.push(name);
    const t = target();
    expect(
      await answerPrintCall('app://renderer/index.html', 'receipt', t, receiptPrinter, kick),
    ).toBeNull();
    expect(kicked).toEqual(['XP-58']);
    expect(
      await answerPrintCall('app://renderer/index.html', 'guidance', t, receiptPrinter, kick),
    ).toBeNull();
    expect(kicked).toHaveLength(1);
    expect(t.calls).toHaveLength(2);
    const off = target(false);
    expect(await answerPrintCall('app://renderer/', 'receipt', off, receiptPrinter, kick)).toBe(
      '打印失败：Printer is offline',
    );
    expect(kicked).toHaveLength(1);
  });

  it('refuses a print request from another page or of an unknown job, printing nothing [ARCH]', async () => {
    const t = target();
    const kick = async () => undefined;
    expect(await answerPrintCall('https://evil.example/', 'receipt', t, receiptPrinter, kick)).toBe(
      '拒绝来自非本应用页面的调用',
    );
    expect(await answerPrintCall('app://renderer/', 'everything', t, receiptPrinter, kick)).toBe(
      '打印内容不合法',
    );
    expect(t.calls).toEqual([]);
  });
});
