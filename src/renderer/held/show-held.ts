import { useNavigation } from '../navigation/navigation-store';
import { useHeldStore } from './held-store';

/** Shift+F8: back to the counter with the focus on the 待结算 list (fresh). */
export function showHeld(): void {
  if (!useNavigation.getState().go('counter')) return;
  const held = useHeldStore.getState();
  void held.load().then(() => useHeldStore.getState().requestFocus());
}
