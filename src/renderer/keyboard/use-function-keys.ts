import { useEffect } from 'react';
import type { MdtrtCertType } from '../../domain/insurance';
import { usePatientStore } from '../counter/patient-store';
import { useDispenseStore } from '../dispense/dispense-store';
import { type Screen, useNavigation } from '../navigation/navigation-store';
import { usePrescriptionStore } from '../prescription/prescription-store';
import { useReviewStore } from '../review/review-store';
import { useSaleStore } from '../sale/sale-store';
import { useSettleStore } from '../settle/settle-store';
import { useShiftStore } from '../shift/shift-store';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';
import { chordOf, FUNCTION_KEYS, LOGOUT_KEY } from './function-keys';

const CERT_KEYS: Record<string, MdtrtCertType> = { F2: '01', F3: '02', F4: '03' };
/** Keys the browser would act on (reload, menu, full screen, developer tools). */
const BROWSER_KEYS = new Set(['F5', 'F6', 'F7', 'F10', 'F11', 'F12']);
/** Chords with a modifier this hook handles; other Ctrl/Alt chords belong to the screens' own keys. */
const TABLE_CHORDS = new Set(
  FUNCTION_KEYS.map((k) => k.key).filter((k) => /^(Ctrl|Alt)\+/.test(k)),
);

function onEscape(): void {
  const ui = useUiStore.getState();
  const nav = useNavigation.getState();
  if (ui.overlay) {
    ui.setOverlay(null);
    return;
  }
  if (useSessionStore.getState().session === null) return;
  if (nav.screen === 'dispense') {
    const settle = useSettleStore.getState();
    if (settle.phase === 'preview') settle.cancelPreview();
    else if (settle.phase !== 'confirming') useDispenseStore.getState().leave();
    return;
  }
  if (nav.screen === 'sale') {
    useSaleStore.getState().leave();
    return;
  }
  if (nav.screen === 'prescription') {
    if (useReviewStore.getState().hiRxno) useReviewStore.getState().closePanel();
    else usePrescriptionStore.getState().close();
    return;
  }
  usePatientStore.getState().clear();
  ui.requestFocus();
}

/** The key handler of a counter screen, as the features contribute them. */
export type ScreenKeys = (screen: Screen) => ((chord: string) => void) | undefined;

/** Keys of one screen's work: nothing happens under an overlay. */
function onScreenKey(chord: string, screenKeys: ScreenKeys): void {
  if (useUiStore.getState().overlay) return;
  screenKeys(useNavigation.getState().screen)?.(chord);
}

const SCREEN_CHORDS = new Set([
  'F5',
  'Shift+F5',
  'F6',
  'Shift+F6',
  'F7',
  'Shift+F7',
  'F9',
  'Alt+Z',
]);

/** Keys that act only while signed in; answers whether the key was one of them. */
function onSessionKey(chord: string, screenKeys: ScreenKeys): boolean {
  const ui = useUiStore.getState();
  const nav = useNavigation.getState();
  const certType = Object.hasOwn(CERT_KEYS, chord) ? CERT_KEYS[chord] : undefined;
  if (certType) {
    if (nav.screen !== 'counter' || ui.overlay) return true;
    usePatientStore.getState().setCertType(certType);
    ui.requestFocus();
    return true;
  }
  if (SCREEN_CHORDS.has(chord)) {
    onScreenKey(chord, screenKeys);
    return true;
  }
  switch (chord) {
    case 'F8':
      ui.toggleOverlay('recent');
      return true;
    case 'F10':
      ui.toggleOverlay('region');
      return true;
    case 'F12':
      void useShiftStore.getState().toggle();
      return true;
    case LOGOUT_KEY:
      ui.setOverlay('logout');
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
  const nav = useNavigation.getState();
  const view = useDispenseStore.getState().view;
  if (nav.screen !== 'dispense' || ui.overlay || !view || !isPlainTarget(ev.target)) return;
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
function onKeyDown(ev: KeyboardEvent, screenKeys: ScreenKeys): void {
  const chord = chordOf(ev);
  if (ev.metaKey || ((ev.ctrlKey || ev.altKey) && !TABLE_CHORDS.has(chord))) return;
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
  if (onSessionKey(chord, screenKeys)) ev.preventDefault();
}

export function useFunctionKeys(screenKeys: ScreenKeys): void {
  useEffect(() => {
    const listener = (ev: KeyboardEvent) => onKeyDown(ev, screenKeys);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [screenKeys]);
}
