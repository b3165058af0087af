import { type Location, useNavigation } from '../navigation/navigation-store';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';
import { usePublicStore } from './public-store';

/** Shift+F4 opens the publication and delivery page from anywhere while signed in; Esc closes it. */
export function onPublicKeyDown(ev: KeyboardEvent, at: Location): void {
  if (useSessionStore.getState().session === null) return;
  if (ev.shiftKey && !ev.altKey && !ev.ctrlKey && !ev.metaKey && ev.code === 'F4') {
    ev.preventDefault();
    if (useNavigation.getState().toggle('public')) void usePublicStore.getState().load();
    return;
  }
  if (at !== 'public' || useUiStore.getState().overlay) return;
  if (ev.code === 'Escape') {
    ev.preventDefault();
    ev.stopPropagation();
    useNavigation.getState().close('public');
  }
}
