import { useEffect } from 'react';
import type { MdtrtCertType } from '../../domain/insurance';
import { logoutWithFeedback } from '../app/logout';
import { usePatientStore } from '../stores/patient-store';
import { usePrescriptionStore } from '../stores/prescription-store';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';

const CERT_KEYS: Record<string, MdtrtCertType> = { F2: '01', F3: '02', F4: '03' };

function onEscape(): void {
  const ui = useUiStore.getState();
  if (ui.overlay) {
    ui.setOverlay(null);
    return;
  }
  if (useSessionStore.getState().session === null) return;
  if (ui.screen === 'prescription') {
    usePrescriptionStore.getState().close();
  } else {
    usePatientStore.getState().clear();
  }
  ui.requestFocus();
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
      if (ui.screen === 'prescription' && !ui.overlay)
        void usePrescriptionStore.getState().refresh();
      return true;
    case 'F8':
      ui.toggleOverlay('recent');
      return true;
    case 'F10':
      ui.toggleOverlay('region');
      return true;
    case 'F9':
      void logoutWithFeedback();
      return true;
    default:
      return false;
  }
}

/** Runs on window in the bubble phase: a scanner burst (captured earlier) never reaches it. */
function onKeyDown(ev: KeyboardEvent): void {
  if (ev.ctrlKey || ev.altKey || ev.metaKey) return;
  // F5 would reload the page and drop the session; F10 would open the browser menu.
  if (ev.code === 'F5' || ev.code === 'F10') ev.preventDefault();
  if (ev.repeat) return;

  if (ev.code === 'F1') {
    ev.preventDefault();
    useUiStore.getState().toggleOverlay('help');
    return;
  }
  if (ev.code === 'Escape') {
    ev.preventDefault();
    onEscape();
    return;
  }
  if (useSessionStore.getState().session === null) return;
  if (onSessionKey(ev.code)) ev.preventDefault();
}

export function useFunctionKeys(): void {
  useEffect(() => {
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
