import { isHeld } from '../held/held-rules';
import { STAY_KEY } from '../keyboard/function-keys';
import { useEstimateStore } from '../settle/estimate-store';
import { canPrintReceipt, printReceipt } from '../settle/print-receipt';
import { useSettleStore } from '../settle/settle-store';
import { useStayStore } from '../stay/stay-store';
import { useUiStore } from '../stores/ui-store';
import { useDispenseStore } from './dispense-store';
import { printGuidance } from './print-guidance';

/** Esc cancels a shown pre-settlement, else returns to the prescription (not while confirming). */
export function onDispenseEscape(): void {
  const settle = useSettleStore.getState();
  if (settle.phase === 'preview') settle.cancelPreview();
  else if (settle.phase !== 'confirming') useDispenseStore.getState().leave();
}

function isPlainTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return true;
  return !target.closest('button, a, input, textarea, select, [role=listbox], [tabindex]');
}

/** Enter completes a fully scanned dispensing, or confirms a shown pre-settlement, unless a button, link or field has the focus. */
export function onDispenseEnter(ev: KeyboardEvent): void {
  const view = useDispenseStore.getState().view;
  if (!view || !isPlainTarget(ev.target)) return;
  if (view.state === 'open' && view.readyToComplete) {
    ev.preventDefault();
    void useDispenseStore.getState().complete();
  }
  if (view.state === 'completed' && useSettleStore.getState().phase === 'preview') {
    ev.preventDefault();
    void useSettleStore.getState().confirm();
  }
}

/** F9 completes; F5 before completion estimates the price; once completed, Shift+F7 guidance, F5 pre-settlement, Shift+F5 receipt, Shift+F9 撤销调剂 while unsettled (or 撤销 of a hand-over to the stay), Alt+Shift+Z the hand-over. */
export function onDispenseKey(chord: string): void {
  const dispense = useDispenseStore.getState();
  const completed = dispense.view?.state === 'completed';
  const withStay = dispense.view?.withStay === true;
  if (chord === 'F9') void dispense.complete();
  if (chord === 'Shift+F7' && completed) printGuidance();
  if (chord === 'F5' && completed && !withStay) void useSettleStore.getState().openPreview();
  if (chord === 'F5' && dispense.view?.state === 'open' && dispense.view.source === 'electronic') {
    void useEstimateStore.getState().run(dispense.view.dispensingId);
  }
  if (chord === 'Shift+F5' && completed && canPrintReceipt()) printReceipt();
  if (chord === 'Shift+F9' && withStay) useUiStore.getState().setOverlay('stayWithdraw');
  else if (chord === 'Shift+F9' && isHeld(dispense.view, useSettleStore.getState().settlement)) {
    useUiStore.getState().setOverlay('cancelHeld');
  }
  if (chord === STAY_KEY && completed && !withStay && dispense.view?.settlesWithStay) {
    useStayStore.getState().clearError();
    useUiStore.getState().setOverlay('stayRecord');
  }
}
