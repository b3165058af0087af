import { type Location, useNavigation } from '../navigation/navigation-store';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';
import { nextPreset } from './period';
import { useReportsStore } from './report-store';
import { tabAt } from './report-tabs';
import { useStoreWideStore } from './store-wide-store';

/** Presses a reports-screen button (absent or disabled: nothing happens, e.g. export hidden). */
const press = (testId: string) => {
  const el = document.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`);
  if (el && !el.disabled) el.click();
};

/** Alt+ key codes of the open reports screen → what they do. */
const ACTIONS: Record<string, () => void> = {
  KeyX: () => press('reports-export-csv'),
  KeyE: () => press('reports-export-xlsx'),
  KeyN: () => press('reports-export-pdf'),
  KeyQ: () => {
    const reports = useReportsStore.getState();
    reports.applyPreset(nextPreset(reports.preset));
  },
};

/** Typing into a field of the reports screen (a field of the counter beneath does not count). */
function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    target.closest('[data-testid="reports-screen"]') !== null &&
    (target.isContentEditable || target.closest('input, textarea, select') !== null)
  );
}

/** Digit1…Digit6 / Numpad1…Numpad6 → 1…6, anything else null. */
function digitOf(code: string): number | null {
  const m = /^(?:Digit|Numpad)([1-6])$/.exec(code);
  return m ? Number(m[1]) : null;
}

/** Alt+B opens the reports screen from anywhere while signed in; Esc closes it. */
export function onReportsKeyDown(ev: KeyboardEvent, at: Location): void {
  if (useSessionStore.getState().session === null) return;
  const reports = useReportsStore.getState();
  const alt = ev.altKey && !ev.ctrlKey && !ev.metaKey && !ev.shiftKey;
  if (alt && ev.code === 'KeyB') {
    ev.preventDefault();
    useNavigation.getState().toggle('reports');
    return;
  }
  if (at !== 'reports') return;
  if (ev.code === 'Escape') {
    if (useUiStore.getState().overlay) return;
    // Closing the report must not also clear the counter or leave the prescription beneath.
    ev.stopPropagation();
    useNavigation.getState().close('reports');
    return;
  }
  const digit = digitOf(ev.code);
  const plain = !ev.altKey && !ev.ctrlKey && !ev.metaKey && !ev.shiftKey;
  if (digit !== null && !ev.repeat && (alt || (plain && !isTyping(ev.target)))) {
    const tab = tabAt(digit, useStoreWideStore.getState().mode === 'counter');
    if (tab) {
      ev.preventDefault();
      reports.setTab(tab);
    }
    return;
  }
  if (ev.code === 'Enter' && plain && !(ev.target instanceof HTMLButtonElement)) {
    ev.preventDefault();
    void reports.refresh();
    return;
  }
  const action = alt ? ACTIONS[ev.code] : undefined;
  if (action) {
    ev.preventDefault();
    action();
  }
}
