import { canPrintReceipt, printReceipt } from '../settle/print-receipt';
import { useSaleStore } from './sale-store';

/** F5 takes the payment, Alt+Z the next customer, Shift+F5 the receipt once sold. */
export function onSaleKey(chord: string): void {
  const sale = useSaleStore.getState();
  if (chord === 'F5') void sale.sell();
  if (chord === 'Alt+Z') sale.next();
  if (chord === 'Shift+F5' && sale.sold && canPrintReceipt()) printReceipt();
}

/** Esc leaves the sale for the counter. */
export const onSaleEscape = () => useSaleStore.getState().leave();
