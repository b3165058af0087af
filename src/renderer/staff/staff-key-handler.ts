import { chordOf, PASSWORD_KEY, STAFF_KEY } from '../keyboard/function-keys';
import { type Location, useNavigation } from '../navigation/navigation-store';
import { useSessionStore } from '../stores/session-store';
import { usePasswordStore } from './password-store';
import { useStaffStore } from './staff-store';

const SCREEN = '[data-testid="staff-screen"]';

function handled(ev: KeyboardEvent): void {
  ev.preventDefault();
  // the counter beneath must not also act on the key
  ev.stopPropagation();
}

/**
 * Ctrl+Shift+Y opens the staff screen (administrator); Ctrl+Shift+K the own-password dialog
 * (anyone, not while the forced change after a temporary password is on screen). On the staff
 * screen Esc cancels an edit or a pending question first, then closes the page.
 */
export function onStaffKeyDown(ev: KeyboardEvent, at: Location): void {
  const session = useSessionStore.getState().session;
  if (session === null || session.mustChangePassword) return;
  const chord = chordOf(ev);
  if (chord === PASSWORD_KEY) {
    handled(ev);
    usePasswordStore.getState().show();
    return;
  }
  if (chord === STAFF_KEY) {
    handled(ev);
    if (session.staff.role === 'admin') useNavigation.getState().toggle('staff');
    return;
  }
  if (at !== 'staff' || ev.code !== 'Escape' || usePasswordStore.getState().open) return;
  const field = ev.target instanceof HTMLElement ? ev.target.closest(SCREEN) : null;
  const staff = useStaffStore.getState();
  handled(ev);
  if (staff.action !== null || staff.draft.id !== null) staff.cancel();
  else if (field && ev.target instanceof HTMLElement && ev.target.matches('input, select'))
    ev.target.blur();
  else useNavigation.getState().close('staff');
}
