import { useEffect } from 'react';
import type { MdtrtCertType } from '../../domain/insurance';
import { logoutWithFeedback } from '../app/logout';
import { printGuidance } from '../dispense/print-guidance';
import { canPrintReceipt, printReceipt } from '../settle/print-receipt';
import { useDispenseStore } from '../stores/dispense-store';
import { usePatientStore } from '../stores/patient-store';
import { usePrescriptionStore } from '../stores/prescription-store';
import { useReviewStore } from '../stores/review-store';
import { useSaleStore } from '../stores/sale-store';
import { useSessionStore } from '../stores/session-store';
import { useSettleStore } from '../stores/settle-store';
import { useShiftStore } from '../stores/shift-store';
import { useUiStore } from '../stores/ui-store';

const CERT_KEYS: Record<string, MdtrtCertType> = { F2: '01', F3: '02', F4: '03' };
/** Keys the browser would act on (reload, menu, full screen, developer tools). */
const BROWSER_KEYS = new Set(['F5', 'F6', 'F7', 'F10', 'F11', 'F12']);

function onEscape(): void {
  const ui = useUiStore.getState();
  if (ui.overlay) {
    ui.setOverlay(null);
    return;
  }
  if (useSessionStore.getState().session === null) return;
  if (ui.screen === 'dispense') {
    const settle = useSettleStore.getState();
    if (settle.phase === 'preview') settle.cancelPreview();
    else if (settle.phase !== 'confirming') useDispenseStore.getState().leave();
    return;
  }
  if (ui.screen === 'sale') {
    useSaleStore.getState().leave();
    return;
  }
  if (ui.screen === 'prescription') {
    if (useReviewStore.getState().hiRxno) useReviewStore.getState().closePanel();
    else usePrescriptionStore.getState().close();
    return;
  }
  usePatientStore.getState().clear();
  ui.requestFocus();
}

function onPrescriptionKey(code: string): void {
  const hiRxno = usePrescriptionStore.getState().view?.hiRxno;
  if (!hiRxno) return;
  if (code === 'F5') void usePrescriptionStore.getState().refresh();
  if (code === 'F6') {
    const review = useReviewStore.getState();
    if (review.hiRxno) review.closePanel();
    else void review.openPanel(hiRxno);
  }
  if (code === 'F7') void useDispenseStore.getState().start(hiRxno);
}

function onDispenseKey(code: string): void {
  const dispense = useDispenseStore.getState();
  const completed = dispense.view?.state === 'completed';
  if (code === 'F9') void dispense.complete();
  if (code === 'F7' && completed) printGuidance();
  if (code === 'F5' && completed) void useSettleStore.getState().openPreview();
  if (code === 'F6' && completed && canPrintReceipt()) printReceipt();
}

function onSaleKey(code: string): void {
  const sale = useSaleStore.getState();
  if (code === 'F9') void sale.sell();
  if (code === 'F5') sale.next();
  if (code === 'F6' && sale.sold && canPrintReceipt()) printReceipt();
}

/** Keys that act only while signed in; answers whether the key was one of them. */
function onSessionKey(code: string): boolean {
  const ui = useUiStore.getState();
  const certType = Object.hasOwn(CERT_KEYS, code) ? CERT_KEYS[code] : undefined;
  if (certType) {
    if (ui.screen !== 'counter' || ui.overlay) return true;
    usePatientStore.getState().setCertType(certType);
    ui.requestFocus();
    return true;
  }
  switch (code) {
    case 'F5':
    case 'F6':
    case 'F7':
      if (ui.overlay) return true;
      if (ui.screen === 'prescription') onPrescriptionKey(code);
      if (ui.screen === 'dispense') onDispenseKey(code);
      if (ui.screen === 'sale') onSaleKey(code);
      if (ui.screen === 'counter' && code === 'F5') void useSaleStore.getState().open();
      return true;
    case 'F8':
      ui.toggleOverlay('recent');
      return true;
    case 'F10':
      ui.toggleOverlay('region');
      return true;
    case 'F12':
      void useShiftStore.getState().toggle();
      return true;
    case 'F9':
      if (ui.screen === 'dispense') {
        if (!ui.overlay) onDispenseKey(code);
      } else if (ui.screen === 'sale') {
        if (!ui.overlay) onSaleKey(code);
      } else void logoutWithFeedback();
      return true;
    default:
      return false;
  }
}

/** Enter completes a fully scanned dispensing, or confirms a shown pre-settlement, unless a button, link or field has the focus. */
function isPlainTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return true;
  return !target.closest('button, a, input, textarea, select, [role=listbox], [tabindex]');
}

function onEnter(ev: KeyboardEvent): void {
  const ui = useUiStore.getState();
  const view = useDispenseStore.getState().view;
  if (ui.screen !== 'dispense' || ui.overlay || !view || !isPlainTarget(ev.target)) return;
  if (view.state === 'open' && view.readyToComplete) {
    ev.preventDefault();
    void useDispenseStore.getState().complete();
  }
  if (view.state === 'completed' && useSettleStore.getState().phase === 'preview') {
    ev.preventDefault();
    void useSettleStore.getState().confirm();
  }
}

/** Runs on window in the bubble phase: a scanner burst (captured earlier) never reaches it. */
function onKeyDown(ev: KeyboardEvent): void {
  if (ev.ctrlKey || ev.altKey || ev.metaKey) return;
  if (BROWSER_KEYS.has(ev.code)) ev.preventDefault();
  if (ev.repeat) return;

  if (ev.code === 'F1') {
    ev.preventDefault();
    useUiStore.getState().toggleOverlay('help');
    return;
  }
  if (ev.code === 'F11') {
    useUiStore.getState().toggleOverlay('scanner');
    return;
  }
  if (ev.code === 'Escape') {
    ev.preventDefault();
    onEscape();
    return;
  }
  if (useSessionStore.getState().session === null) return;
  if (ev.code === 'Enter') {
    onEnter(ev);
    return;
  }
  if (onSessionKey(ev.code)) ev.preventDefault();
}

export function useFunctionKeys(): void {
  useEffect(() => {
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
