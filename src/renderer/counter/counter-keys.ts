import { useSaleStore } from '../sale/sale-store';

/** Alt+Z on the counter starts a self-paid sale. */
export function onCounterKey(chord: string): void {
  if (chord === 'Alt+Z') void useSaleStore.getState().open();
}
