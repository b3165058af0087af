import { useSessionStore } from '../stores/session-store';
import { useAuditStore } from './audit-store';
import { printAuditSlip } from './print-slip';

const mayAudit = () => {
  const role = useSessionStore.getState().session?.staff.role;
  return role === 'admin' || role === 'pharmacist';
};

/** Alt+L opens the audit log for administrators and pharmacists; Enter verifies; Alt+W prints the slip; Alt+Shift+V re-verifies every stored prescription; Esc closes. */
export function onAuditKeyDown(ev: KeyboardEvent): void {
  const audit = useAuditStore.getState();
  const alt = ev.altKey && !ev.ctrlKey && !ev.metaKey && !ev.shiftKey;
  if (alt && ev.code === 'KeyL') {
    if (!audit.open && !mayAudit()) return;
    ev.preventDefault();
    ev.stopPropagation();
    audit.toggle();
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
    ev.preventDefault();
    ev.stopPropagation();
    void audit.verify();
  }
}
