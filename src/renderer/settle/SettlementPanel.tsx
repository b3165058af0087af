import { Button, Spin } from 'antd';
import { useEffect } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { ScopeConsentForm } from './ScopeConsentForm';
import { SettlementResult } from './SettlementResult';
import { SettlePreviewView } from './SettlePreviewView';
import { isMoving, useSettleStore } from './settle-store';

const FOLLOW_MS = 3000;

/** Follows an unresolved settlement or refund until the backend says how it ended. */
function useFollow(): void {
  const moving = useSettleStore((s) => isMoving(s.settlement));
  useEffect(() => {
    if (!moving) return;
    const id = window.setInterval(() => void useSettleStore.getState().follow(), FOLLOW_MS);
    return () => window.clearInterval(id);
  }, [moving]);
}

function Idle() {
  return (
    <div className="settle-actions" data-testid="settle-idle">
      <Button
        type="primary"
        size="large"
        data-testid="settle-open"
        onClick={() => void useSettleStore.getState().openPreview()}
      >
        医保预结算 <kbd>F5</kbd>
      </Button>
      <p className="settle-idle">
        向患者说明统筹基金、个人账户与现金的分摊及自费原因，患者同意后按 Enter 结算。
      </p>
    </div>
  );
}

/** R-SETTLE: pre-settlement, the patient's confirmation, and the settlement's result. */
export function SettlementPanel({ dispensingId }: { dispensingId: number }) {
  const phase = useSettleStore((s) => s.phase);
  const preview = useSettleStore((s) => s.preview);
  const settlement = useSettleStore((s) => s.settlement);
  const error = useSettleStore((s) => s.error);
  useFollow();

  useEffect(() => {
    void useSettleStore.getState().load(dispensingId);
    return () => useSettleStore.getState().reset();
  }, [dispensingId]);

  return (
    <section
      className="rx-pane settle-panel"
      aria-label="医保结算"
      data-testid="settle-panel"
      data-phase={phase}
    >
      <h3 className="pane-title">医保结算</h3>
      {error && <ErrorAlert error={error} testId="settle-error" />}
      {error?.ruleId === 'R-SCOPE' && phase === 'idle' && (
        <ScopeConsentForm
          dispensingId={dispensingId}
          onRecorded={() => void useSettleStore.getState().openPreview()}
        />
      )}
      {phase === 'idle' && <Idle />}
      {phase === 'previewing' && (
        <div className="loading">
          <Spin /> 正在向医保中心预结算（2101；审方结果若仍在上传，会等它送达）…
        </div>
      )}
      {(phase === 'preview' || phase === 'confirming') && preview && (
        <SettlePreviewView preview={preview} />
      )}
      {phase === 'confirming' && (
        <div className="loading" data-testid="settle-confirming">
          <Spin /> 正在结算（2102），请稍候，勿重复操作…
        </div>
      )}
      {phase === 'result' && settlement && <SettlementResult settlement={settlement} />}
    </section>
  );
}
