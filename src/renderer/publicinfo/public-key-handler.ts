import { chordOf } from '../keyboard/function-keys';
import { type Location, useNavigation } from '../navigation/navigation-store';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';
import { usePublicStore } from './public-store';

/** On the 配送记录 tab: ↑↓ select an order, Alt+Shift+J hands it over, Alt+Shift+Q opens 签收. */
function onDeliveryKeyDown(ev: KeyboardEvent): boolean {
  const store = usePublicStore.getState();
  if (store.tab !== 'deliveries') return false;
  const chord = chordOf(ev);
  const selected = store.deliveries.find((d) => d.orderId === store.selectedOrderId);
  if (chord === 'ArrowDown' || chord === 'ArrowUp') {
    store.moveSelection(chord === 'ArrowDown' ? 1 : -1);
    return true;
  }
  if (chord === 'Alt+Shift+J') {
    if (selected?.state === 'ordered') void store.handOver(selected.orderId);
    return true;
  }
  if (chord === 'Alt+Shift+Q') {
    if (selected?.state === 'handed_over') useUiStore.getState().setOverlay('deliveryReceipt');
    return true;
  }
  return false;
}

/** Shift+F4 opens the publication and delivery page from anywhere while signed in; Esc closes it. */
export function onPublicKeyDown(ev: KeyboardEvent, at: Location): void {
  if (useSessionStore.getState().session === null) return;
  if (ev.shiftKey && !ev.altKey && !ev.ctrlKey && !ev.metaKey && ev.code === 'F4') {
    ev.preventDefault();
    if (useNavigation.getState().toggle('public')) void usePublicStore.getState().load();
    return;
  }
  if (at !== 'public' || useUiStore.getState().overlay) return;
  if (onDeliveryKeyDown(ev)) {
    ev.preventDefault();
    return;
  }
  if (ev.code === 'Escape') {
    ev.preventDefault();
    ev.stopPropagation();
    useNavigation.getState().close('public');
  }
}
