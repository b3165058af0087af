import { canPrintReceipt, printReceipt } from '../settle/print-receipt';
import { useSettleStore } from '../settle/settle-store';
import { useDispenseStore } from './dispense-store';
import { printGuidance } from './print-guidance';

/** F9 completes; once completed, Shift+F7 guidance, F5 pre-settlement, Shift+F5 receipt. */
export function onDispenseKey(chord: string): void {
  const dispense = useDispenseStore.getState();
  const completed = dispense.view?.state === 'completed';
  if (chord === 'F9') void dispense.complete();
  if (chord === 'Shift+F7' && completed) printGuidance();
  if (chord === 'F5' && completed) void useSettleStore.getState().openPreview();
  if (chord === 'Shift+F5' && completed && canPrintReceipt()) printReceipt();
}
