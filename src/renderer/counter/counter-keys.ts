import type { MdtrtCertType } from '../../domain/insurance';
import { useSaleStore } from '../sale/sale-store';
import { useUiStore } from '../stores/ui-store';
import { usePatientStore } from './patient-store';

const CERT_KEYS: Record<string, MdtrtCertType> = { F2: '01', F3: '02', F4: '03' };

/** F2/F3/F4 switch the credential type; Alt+Z starts a self-paid sale. */
export function onCounterKey(chord: string): void {
  const certType = Object.hasOwn(CERT_KEYS, chord) ? CERT_KEYS[chord] : undefined;
  if (certType) {
    usePatientStore.getState().setCertType(certType);
    useUiStore.getState().requestFocus();
  }
  if (chord === 'Alt+Z') void useSaleStore.getState().open();
}

/** Esc clears the input, the patient found and the notices, and puts the caret back. */
export function onCounterEscape(): void {
  usePatientStore.getState().clear();
  useUiStore.getState().requestFocus();
}
