import type { PrintJob } from '../../contract/types-desktop';

/** Where a printed document goes: the desktop app's chosen printer, or the browser's dialog. */
export interface Printer {
  /** Prints what the print stylesheet shows now; resolves when done (null) or with the reason. */
  print(job: PrintJob): Promise<string | null>;
}

/** Browser mode: the print dialog (the browser cannot print silently or pick a printer). */
export const browserPrinter: Printer = {
  print: () =>
    new Promise((resolve) => {
      window.addEventListener('afterprint', () => resolve(null), { once: true });
      window.print();
    }),
};

/** The desktop app: silently, on the printer, paper and drawer option set in settings. */
function desktopPrinter(desktop: NonNullable<Window['epcDesktop']>): Printer {
  return { print: (job) => desktop.print(job) };
}

export function detectPrinter(): Printer {
  const desktop = typeof window !== 'undefined' ? window.epcDesktop : undefined;
  return desktop?.print ? desktopPrinter(desktop) : browserPrinter;
}
