import { type Location, useNavigation } from '../navigation/navigation-store';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';
import { useComplaintStore } from './complaint-store';

const SCREEN = '[data-testid="complaint-screen"]';

/** Typing into a field of the complaint screen. */
function typingField(target: EventTarget | null): HTMLElement | null {
  if (!(target instanceof HTMLElement) || target.closest(SCREEN) === null) return null;
  return target.closest<HTMLElement>('input, textarea, select');
}

function handled(ev: KeyboardEvent): void {
  ev.preventDefault();
  // the counter beneath must not also act on the key (Enter completes a dispensing there)
  ev.stopPropagation();
}

const focus = (testId: string) =>
  document.querySelector<HTMLElement>(`${SCREEN} [data-testid="${testId}"]`)?.focus();

/**
 * Alt+V opens the register from anywhere while signed in. On it: N new registration, ↑↓ select,
 * Enter to the follow-up form; Esc leaves a field first, then closes the page.
 */
export function onComplaintKeyDown(ev: KeyboardEvent, at: Location): void {
  if (useSessionStore.getState().session === null) return;
  const alt = ev.altKey && !ev.ctrlKey && !ev.metaKey && !ev.shiftKey;
  if (alt && ev.code === 'KeyV') {
    ev.preventDefault();
    useNavigation.getState().toggle('complaints');
    return;
  }
  if (at !== 'complaints' || useUiStore.getState().overlay) return;
  const field = typingField(ev.target);
  if (ev.code === 'Escape') {
    handled(ev);
    if (field) field.blur();
    else useNavigation.getState().close('complaints');
    return;
  }
  if (field instanceof HTMLSelectElement && ev.code === 'Enter') {
    // a select does not submit its form on Enter; here it does, so no step needs the mouse
    handled(ev);
    field.closest('form')?.requestSubmit();
    return;
  }
  if (field || ev.altKey || ev.ctrlKey || ev.metaKey) return;
  if (ev.code === 'KeyN') {
    handled(ev);
    focus('complaint-subject');
    return;
  }
  if (ev.code === 'ArrowDown' || ev.code === 'ArrowUp') {
    handled(ev);
    useComplaintStore.getState().move(ev.code === 'ArrowDown' ? 1 : -1);
    return;
  }
  if (ev.code === 'Enter' && !(ev.target instanceof HTMLButtonElement)) {
    handled(ev);
    focus('complaint-step');
  }
}
