import { Button } from 'antd';
import type { DispensingView } from '../../contract/types-dispense';
import { useDispenseStore } from './dispense-store';

/** Complete (F9, or Enter once everything is scanned), cancel, back (Esc). */
export function DispenseActions({ view }: { view: DispensingView }) {
  const completing = useDispenseStore((s) => s.completing);
  const open = view.state === 'open';
  return (
    <div className="dispense-actions">
      {open && (
        <Button
          type="primary"
          size="large"
          data-testid="dispense-complete"
          disabled={!view.readyToComplete}
          loading={completing}
          onClick={() => void useDispenseStore.getState().complete()}
        >
          完成调剂 <kbd>F9</kbd>
          {view.readyToComplete && (
            <>
              {' '}
              / <kbd>Enter</kbd>
            </>
          )}
        </Button>
      )}
      {open && (
        <Button
          size="large"
          danger
          data-testid="dispense-cancel"
          onClick={() => void useDispenseStore.getState().cancel()}
        >
          取消调剂
        </Button>
      )}
      <Button
        size="large"
        data-testid="dispense-back"
        onClick={() => useDispenseStore.getState().leave()}
      >
        返回处方 <kbd>Esc</kbd>
      </Button>
    </div>
  );
}
