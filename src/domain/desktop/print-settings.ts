/** Paper the counter prints on: thermal rolls of 58 or 80 mm, or A4 sheets. */
export const PAPER_SIZES = ['58mm', '80mm', 'A4'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/** The printer chosen once in settings (desktop app; browser mode shows the print dialog). */
export interface PrintSettings {
  /** The system printer's name; null: the system's default printer. */
  printerName: string | null;
  paper: PaperSize;
  /** Open the cash drawer wired to the receipt printer after printing a receipt. */
  kickCashDrawer: boolean;
}

export const DEFAULT_PRINT_SETTINGS: PrintSettings = {
  printerName: null,
  paper: '80mm',
  kickCashDrawer: false,
};

/** What the counter prints. */
export const PRINT_JOBS = ['receipt', 'guidance', 'auditSlip'] as const;
export type PrintJob = (typeof PRINT_JOBS)[number];

/**
 * ESC/POS "generate pulse" (ESC p m t1 t2 = 1B 70 00 19 FA): pulse on drawer pin 2 (m = 0),
 * 25 × 2 ms on (t1 = 0x19 = 50 ms), 250 × 2 ms off (t2 = 0xFA = 500 ms). Sent raw to the
 * receipt printer, which drives the drawer connected to its RJ11 socket.
 */
export const CASH_DRAWER_KICK: readonly number[] = [0x1b, 0x70, 0x00, 25, 250];
