import { useSessionStore } from '../stores/session-store';
import { useAuditStore } from './audit-store';
import { printAuditSlip } from './print-slip';
import { useStoreAuditStore } from './store-audit-store';

const mayAudit = () => {
  const role = useSessionStore.getState().session?.staff.role;
  return role === 'admin' || role === 'pharmacist';
};

/** Alt+L opens the audit log for administrators and pharmacists (anyone else is told why); Enter verifies (in the 全店 view: reads the trail); Alt+W prints the slip; Alt+Shift+V re-verifies every stored prescription; Esc closes. */
export function onAuditKeyDown(ev: KeyboardEvent): void {
  const audit = useAuditStore.getState();
  const alt = ev.altKey && !ev.ctrlKey && !ev.metaKey && !ev.shiftKey;
  if (alt && ev.code === 'KeyL') {
    if (!useSessionStore.getState().session) return;
    ev.preventDefault();
    ev.stopPropagation();
    // Anyone else is told why by the service itself (its refusal names the rule).
    if (!audit.open && !mayAudit()) void audit.explainRefusal();
    else audit.toggle();
    return;
  }
  if (!audit.open) return;
  if (alt && ev.code === 'KeyW') {
    ev.preventDefault();
    ev.stopPropagation();
    if (audit.verdict?.ok && audit.verdict.head) printAuditSlip();
    return;
  }
  if (ev.altKey && ev.shiftKey && !ev.ctrlKey && !ev.metaKey && ev.code === 'KeyV') {
    ev.preventDefault();
    ev.stopPropagation();
    void audit.reverifyAll();
    return;
  }
  const plain = !ev.altKey && !ev.ctrlKey && !ev.metaKey && !ev.shiftKey;
  if (ev.code === 'Escape') {
    // Closing the panel must not also clear the counter beneath it.
    ev.stopPropagation();
    audit.close();
    return;
  }
  if ((ev.code === 'Enter' || ev.code === 'NumpadEnter') && plain) {
    if (useStoreAuditStore.getState().view === 'store') {
      onStoreEnter(ev);
      return;
    }
    ev.preventDefault();
    ev.stopPropagation();
    void audit.verify();
  }
}

/** The store-wide view: Enter reads the first page, unless a button or an open list takes it. */
function onStoreEnter(ev: KeyboardEvent): void {
  const target = ev.target instanceof HTMLElement ? ev.target : null;
  if (target?.closest('button')) return;
  if (target?.getAttribute('aria-expanded') === 'true') return;
  ev.preventDefault();
  ev.stopPropagation();
  void useStoreAuditStore.getState().refresh(1);
}
