import type { PaperSize, PrintSettings } from '../src/domain/desktop/print-settings';

/** The subset of Electron's WebContentsPrintOptions the counter sets. */
export interface SilentPrintOptions {
  silent: true;
  printBackground: boolean;
  deviceName?: string;
  pageSize: 'A4' | { width: number; height: number };
  margins: { marginType: 'none' | 'default' };
  landscape: false;
  copies: 1;
}

/**
 * Page sizes in microns, as webContents.print wants them (without one Electron prints A4).
 * A thermal roll has no page length: 297 mm per page, and continuous paper just feeds on.
 */
const PAGE_SIZE: Record<PaperSize, SilentPrintOptions['pageSize']> = {
  '58mm': { width: 58_000, height: 297_000 },
  '80mm': { width: 80_000, height: 297_000 },
  A4: 'A4',
};

/**
 * The options for printing one document silently to the printer chosen in settings: no dialog,
 * its paper's page size, no margins on a roll (the receipt's own layout keeps its margins),
 * the printer's default margins on A4. No printer chosen: the system's default printer.
 */
export function silentPrintOptions(settings: PrintSettings): SilentPrintOptions {
  const thermal = settings.paper !== 'A4';
  return {
    silent: true,
    printBackground: !thermal,
    ...(settings.printerName ? { deviceName: settings.printerName } : {}),
    pageSize: PAGE_SIZE[settings.paper],
    margins: { marginType: thermal ? 'none' : 'default' },
    landscape: false,
    copies: 1,
  };
}
