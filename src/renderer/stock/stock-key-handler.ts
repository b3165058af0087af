import { type Location, useNavigation } from '../navigation/navigation-store';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';
import { useStockStore } from './stock-store';

/** Focuses a field by test id (antd wraps inputs: prefer the inner input). */
function focus(testId: string): void {
  const el = document.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  (el?.querySelector<HTMLElement>('input') ?? el)?.focus();
}

/** Alt+ key codes of the open stock screen → what they do. */
const ACTIONS: Record<string, () => void> = {
  KeyJ: () => {
    useStockStore.getState().aim('receive');
    focus('stock-receive-drug');
  },
  KeyT: () => {
    useStockStore.getState().aim('return');
    focus('stock-change-packs');
  },
  KeyA: () => focus('stock-supplier-name'),
  KeyU: () => void useStockStore.getState().stocktake(),
  KeyR: () => void useStockStore.getState().refresh(),
};

/** Alt+C opens the stock screen from anywhere while signed in; Esc closes it. */
export function onStockKeyDown(ev: KeyboardEvent, at: Location): void {
  if (useSessionStore.getState().session === null) return;
  const alt = ev.altKey && !ev.ctrlKey && !ev.metaKey && !ev.shiftKey;
  if (alt && ev.code === 'KeyC') {
    ev.preventDefault();
    useNavigation.getState().toggle('stock');
    return;
  }
  if (at !== 'stock') return;
  if (ev.code === 'Escape' && !useUiStore.getState().overlay) {
    useNavigation.getState().close('stock');
    return;
  }
  const action = alt ? ACTIONS[ev.code] : undefined;
  if (action) {
    ev.preventDefault();
    action();
  }
}
