import { printOnly } from '../app/print-only';

/** A receipt is on screen (thermal text or a drawn A4 page). */
export function canPrintReceipt(): boolean {
  return document.querySelector('.receipt-print-area')?.hasChildNodes() ?? false;
}

/** Prints only the receipt. */
export const printReceipt = (): void => void printOnly('printing-receipt', 'receipt');
