import { Button } from 'antd';
import type { DispensingView } from '../../contract/types-dispense';
import { isHeld } from '../held/held-rules';
import { STAY_KEY } from '../keyboard/function-keys';
import { useSettleStore } from '../settle/settle-store';
import { useUiStore } from '../stores/ui-store';
import { useDispenseStore } from './dispense-store';

/** Complete (F9, or Enter once everything is scanned), cancel, 撤销调剂 while held (Shift+F9), back (Esc). */
export function DispenseActions({ view }: { view: DispensingView }) {
  const completing = useDispenseStore((s) => s.completing);
  const settlement = useSettleStore((s) => s.settlement);
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
      {isHeld(view, settlement) && (
        <Button
          size="large"
          danger
          data-testid="cancel-held"
          onClick={() => useUiStore.getState().setOverlay('cancelHeld')}
        >
          撤销调剂 <kbd>Shift+F9</kbd>
        </Button>
      )}
      {view.state === 'completed' && view.settlesWithStay && !view.withStay && (
        <Button
          size="large"
          type="primary"
          data-testid="stay-open"
          onClick={() => useUiStore.getState().setOverlay('stayRecord')}
        >
          登记随住院结算 <kbd>{STAY_KEY}</kbd>
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
