import { type Location, useNavigation } from '../navigation/navigation-store';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';
import { useRiskStore } from './risk-store';

/** Digit7 → 7 days, Digit8 → 30, Digit9 → 90 (Numpad too; 1…5 switch reports); anything else null. */
function quickDaysOf(code: string): number | null {
  const m = /^(?:Digit|Numpad)([789])$/.exec(code);
  return m ? ({ '7': 7, '8': 30, '9': 90 } as const)[m[1] as '7' | '8' | '9'] : null;
}

/** Typing into a field of the risk screen. */
function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    target.closest('[data-testid="risk-screen"]') !== null &&
    (target.isContentEditable || target.closest('input, textarea, select') !== null)
  );
}

function handled(ev: KeyboardEvent): void {
  ev.preventDefault();
  // the counter beneath must not also act on the key (Enter completes a dispensing there)
  ev.stopPropagation();
}

/** Alt+I opens the risk-signal screen from anywhere while signed in; Esc closes it. */
export function onRiskKeyDown(ev: KeyboardEvent, at: Location): void {
  if (useSessionStore.getState().session === null) return;
  const risk = useRiskStore.getState();
  const alt = ev.altKey && !ev.ctrlKey && !ev.metaKey && !ev.shiftKey;
  const plain = !ev.altKey && !ev.ctrlKey && !ev.metaKey && !ev.shiftKey;
  if (alt && ev.code === 'KeyI') {
    ev.preventDefault();
    useNavigation.getState().toggle('risk');
    return;
  }
  if (at !== 'risk' || useUiStore.getState().overlay) return;
  if (ev.code === 'Escape') {
    handled(ev);
    if (risk.expanded) useRiskStore.setState({ expanded: null });
    else useNavigation.getState().close('risk');
    return;
  }
  const days = quickDaysOf(ev.code);
  if (days !== null && !ev.repeat && (alt || (plain && !isTyping(ev.target)))) {
    handled(ev);
    void risk.quick(days);
    return;
  }
  if (!plain) return;
  if (isTyping(ev.target)) {
    if (ev.code === 'Enter') {
      handled(ev);
      void risk.load();
    }
    return;
  }
  if (ev.code === 'ArrowDown' || ev.code === 'ArrowUp') {
    handled(ev);
    risk.move(ev.code === 'ArrowDown' ? 1 : -1);
    return;
  }
  if (ev.code === 'Enter' && !(ev.target instanceof HTMLButtonElement)) {
    handled(ev);
    risk.toggleExpanded();
  }
}
