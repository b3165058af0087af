import { type Location, useNavigation } from '../navigation/navigation-store';
import { printReceipt } from '../settle/print-receipt';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';
import { useLookupStore } from './lookup-store';

function handled(ev: KeyboardEvent): void {
  ev.preventDefault();
  // the counter beneath must not also act on the key (Enter and arrows mean something there)
  ev.stopPropagation();
}

const typingIn = (target: EventTarget | null, selector: string) =>
  target instanceof HTMLElement && target.closest(selector) !== null;

/** Alt+H opens the settlement lookup from anywhere while signed in; its keys act only there. */
export function onLookupKeyDown(ev: KeyboardEvent, at: Location): void {
  if (useSessionStore.getState().session === null) return;
  const alt = ev.altKey && !ev.ctrlKey && !ev.metaKey && !ev.shiftKey;
  const plain = !ev.altKey && !ev.ctrlKey && !ev.metaKey && !ev.shiftKey;
  if (alt && ev.code === 'KeyH') {
    handled(ev);
    useNavigation.getState().toggle('lookup');
    return;
  }
  if (at !== 'lookup' || useUiStore.getState().overlay) return;
  const lookup = useLookupStore.getState();
  if (lookup.refundOpen) {
    if (ev.code === 'Escape') {
      handled(ev);
      lookup.closeRefund();
    }
    return;
  }
  if (ev.code === 'Escape' && plain) {
    handled(ev);
    if (lookup.receipt) useLookupStore.setState({ receipt: null });
    else useNavigation.getState().close('lookup');
    return;
  }
  if (alt && ev.code === 'KeyY') {
    handled(ev);
    lookup.openRefund();
    return;
  }
  if (ev.code === 'F5' && ev.shiftKey && !ev.altKey && !ev.ctrlKey) {
    handled(ev);
    if (lookup.receipt) printReceipt();
    else void lookup.reprint();
    return;
  }
  if (!plain) return;
  if (ev.code === 'Enter' && typingIn(ev.target, '[data-testid="lookup-query"], .lookup-date')) {
    handled(ev);
    void lookup.search();
    return;
  }
  if (ev.code === 'ArrowDown' || ev.code === 'ArrowUp') {
    handled(ev);
    lookup.move(ev.code === 'ArrowDown' ? 1 : -1);
  }
}
