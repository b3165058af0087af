import { useEffect } from 'react';
import { showHeld } from '../held/show-held';
import { type Screen, useNavigation } from '../navigation/navigation-store';
import { useDaySummaryStore } from '../shift/day-summary-store';
import { useShiftStore } from '../shift/shift-store';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';
import {
  CHECKS_FOLD_KEY,
  chordOf,
  DAY_SUMMARY_KEY,
  FUNCTION_KEYS,
  LAYOUT_FOLD_KEY,
  LOGOUT_KEY,
  RX_SELF_PAY_KEY,
  STAY_KEY,
} from './function-keys';

/** Keys the browser would act on (reload, menu, full screen, developer tools). */
const BROWSER_KEYS = new Set(['F5', 'F6', 'F7', 'F10', 'F11', 'F12']);
/** Chords with a modifier this hook handles; other Ctrl/Alt chords belong to the screens' own keys. */
const TABLE_CHORDS = new Set(
  FUNCTION_KEYS.map((k) => k.key).filter((k) => /^(Ctrl|Alt)\+/.test(k)),
);

function onEscape(screenKeys: ScreenKeys): void {
  const ui = useUiStore.getState();
  const nav = useNavigation.getState();
  if (ui.overlay) {
    ui.setOverlay(null);
    return;
  }
  if (useSessionStore.getState().session === null) return;
  screenKeys(nav.screen)?.onEscape?.();
}

/** What a counter screen does with the shared keys, as its feature contributes it. */
export interface ScreenKeyHandlers {
  /** F5…F9, Alt+Z: the chords of SCREEN_CHORDS. */
  onKey?(chord: string): void;
  /** Esc with no overlay open. */
  onEscape?(): void;
  /** Enter with no overlay open. */
  onEnter?(ev: KeyboardEvent): void;
}

export type ScreenKeys = (screen: Screen) => ScreenKeyHandlers | undefined;

/** Keys of one screen's work: nothing happens under an overlay. */
function onScreenKey(chord: string, screenKeys: ScreenKeys): void {
  if (useUiStore.getState().overlay) return;
  screenKeys(useNavigation.getState().screen)?.onKey?.(chord);
}

/** The shared keys whose meaning is the current screen's work (F2…F4 on the counter only). */
const SCREEN_CHORDS = new Set([
  'F2',
  'F3',
  'F4',
  'F5',
  'Shift+F5',
  'F6',
  'Shift+F6',
  'F7',
  'Shift+F7',
  'F9',
  'Shift+F9',
  'Alt+Z',
  RX_SELF_PAY_KEY,
  STAY_KEY,
  LAYOUT_FOLD_KEY,
  CHECKS_FOLD_KEY,
]);

/** Keys that act only while signed in; answers whether the key was one of them. */
function onSessionKey(chord: string, screenKeys: ScreenKeys): boolean {
  const ui = useUiStore.getState();
  // a temporary password opens nothing but its change form, and log-out
  if (useSessionStore.getState().session?.mustChangePassword && chord !== LOGOUT_KEY) return false;
  if (SCREEN_CHORDS.has(chord)) {
    onScreenKey(chord, screenKeys);
    return true;
  }
  switch (chord) {
    case 'F8':
      ui.toggleOverlay('recent');
      return true;
    case 'Shift+F8':
      showHeld();
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
    case DAY_SUMMARY_KEY:
      void useDaySummaryStore.getState().open('view');
      return true;
    default:
      return false;
  }
}

function onEnter(ev: KeyboardEvent, screenKeys: ScreenKeys): void {
  if (useUiStore.getState().overlay) return;
  screenKeys(useNavigation.getState().screen)?.onEnter?.(ev);
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
    onEscape(screenKeys);
    return;
  }
  if (useSessionStore.getState().session === null) return;
  if (ev.code === 'Enter') {
    onEnter(ev, screenKeys);
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
