import { type Location, useNavigation } from '../navigation/navigation-store';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';
import { useCaptureSourceStore } from './capture-source-store';
import { usePaperStore } from './paper-store';
import { useStoreIndexStore } from './store-index-store';

/** Clicks the element of a paper-screen action (the form owns the field state). */
const press = (testId: string) =>
  document.querySelector<HTMLElement>(`[data-testid="${testId}"]`)?.click();

/** Alt+P opens the paper screen from anywhere while signed in; Esc closes it. */
export function onPaperKeyDown(ev: KeyboardEvent, at: Location): void {
  if (useSessionStore.getState().session === null) return;
  const paper = usePaperStore.getState();
  if (ev.altKey && !ev.ctrlKey && !ev.metaKey && ev.code === 'KeyP') {
    ev.preventDefault();
    useNavigation.getState().toggle('paper');
    return;
  }
  if (at !== 'paper') return;
  if (ev.code === 'Escape' && !useUiStore.getState().overlay) {
    const sources = useCaptureSourceStore.getState();
    if (sources.source !== 'file') sources.choose('file');
    else useNavigation.getState().close('paper');
    return;
  }
  if (!ev.altKey || ev.ctrlKey || ev.metaKey) return;
  if (ev.shiftKey) {
    if (ev.code === 'KeyF') {
      ev.preventDefault();
      useStoreIndexStore.getState().toggle();
    }
    return;
  }
  const action = {
    KeyK: 'paper-check',
    KeyS: 'paper-save',
    KeyO: 'paper-source-file',
    KeyG: 'paper-source-scan',
    KeyM: 'paper-source-camera',
  }[ev.code];
  if (action) {
    ev.preventDefault();
    press(action);
  }
  if (ev.code === 'KeyD') {
    ev.preventDefault();
    void paper.dispenseSelected();
    return;
  }
  if (ev.code === 'KeyF') {
    ev.preventDefault();
    document.querySelector<HTMLElement>('[data-testid="paper-search-name"]')?.focus();
  }
}
