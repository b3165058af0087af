import { useEffect } from 'react';
import type { MdtrtCertType } from '../../domain/insurance';
import { logoutWithFeedback } from '../app/logout';
import { usePatientStore } from '../stores/patient-store';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';

const CERT_KEYS: Record<string, MdtrtCertType> = { F2: '01', F3: '02', F4: '03' };

/** Runs on window in the bubble phase: a scanner burst (captured earlier) never reaches it. */
function onKeyDown(ev: KeyboardEvent): void {
  if (ev.repeat || ev.ctrlKey || ev.altKey || ev.metaKey) return;
  const ui = useUiStore.getState();
  const signedIn = useSessionStore.getState().session !== null;

  if (ev.code === 'F1') {
    ev.preventDefault();
    ui.setHelpOpen(!ui.helpOpen);
    return;
  }
  if (ev.code === 'Escape') {
    if (ui.helpOpen) {
      ui.setHelpOpen(false);
    } else if (signedIn) {
      usePatientStore.getState().clear();
      ui.requestFocus();
    }
    ev.preventDefault();
    return;
  }
  if (!signedIn) return;

  const certType = Object.hasOwn(CERT_KEYS, ev.code) ? CERT_KEYS[ev.code] : undefined;
  if (certType) {
    ev.preventDefault();
    usePatientStore.getState().setCertType(certType);
    ui.requestFocus();
    return;
  }
  if (ev.code === 'F9') {
    ev.preventDefault();
    void logoutWithFeedback();
  }
}

export function useFunctionKeys(): void {
  useEffect(() => {
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
