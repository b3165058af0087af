import { Button, Tag } from 'antd';
import { useEffect } from 'react';
import { useSessionStore } from '../stores/session-store';
import { useShiftStore } from './shift-store';

const POLL_MS = 30_000;

/** Who is on duty (R-PHARMACIST); a pharmacist opens or closes their own shift with F12. */
export function ShiftChip() {
  const status = useShiftStore((s) => s.status);
  const busy = useShiftStore((s) => s.busy);
  const role = useSessionStore((s) => s.session?.staff.role);

  useEffect(() => {
    const { load } = useShiftStore.getState();
    void load();
    const id = window.setInterval(() => void load(), POLL_MS);
    return () => {
      window.clearInterval(id);
      useShiftStore.getState().reset();
    };
  }, []);

  const names = status?.onDuty.map((s) => s.pharmacistName).join('、') ?? '';
  const mayReview = status?.pharmacyMayReview ?? false;
  return (
    <span
      className="shift-chip"
      data-testid="shift-status"
      data-may-review={status ? mayReview : ''}
      data-mine={status?.mine ? 'open' : 'closed'}
    >
      <Tag color={mayReview ? 'success' : 'error'} variant="solid" className="status-tag">
        {!status ? '在岗药师：读取中…' : mayReview ? `在岗药师：${names}` : status.message}
      </Tag>
      {role === 'pharmacist' && (
        <Button
          data-testid="shift-toggle"
          loading={busy}
          onClick={() => void useShiftStore.getState().toggle()}
        >
          {status?.mine ? '下岗' : '上岗'} <kbd>F12</kbd>
        </Button>
      )}
    </span>
  );
}
