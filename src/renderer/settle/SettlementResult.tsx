import { Button } from 'antd';
import type { SettlementState, SettlementView } from '../../contract/types-settlement';
import { useUiStore } from '../stores/ui-store';
import { CashTenderBox } from './CashTenderBox';
import { DeliveryForm } from './DeliveryForm';
import { ReceiptPanel } from './ReceiptPanel';
import { RefundDialog } from './RefundDialog';
import { RefundSummary } from './RefundSummary';
import { SelfPayLines } from './SelfPayLines';
import { SplitSummary } from './SplitSummary';
import { useSettleStore } from './settle-store';
import { UnknownOutcome } from './UnknownOutcome';
import { UploadList } from './UploadList';

const TITLES: Record<SettlementState, string> = {
  settling: '正在结算……',
  settled: '结算成功',
  refused: '医保中心未同意结算',
  outcome_unknown: '结算结果未知',
  voided: '核实完毕：该笔结算未生效，未扣费',
  refunding: '正在退费……',
  refund_unknown: '退费结果未知',
  refunded: '已退费',
};

const TONE: Record<SettlementState, string> = {
  settling: 'is-pending',
  settled: 'is-ok',
  refused: 'is-bad',
  outcome_unknown: 'is-pending',
  voided: 'is-neutral',
  refunding: 'is-pending',
  refund_unknown: 'is-pending',
  refunded: 'is-neutral',
};

function ResultHead({ s }: { s: SettlementView }) {
  return (
    <header className={`settle-result-head ${TONE[s.state]}`}>
      <h3 className="settle-result-title" data-testid="settle-result-title">
        {TITLES[s.state]}
      </h3>
      <dl className="settle-ids">
        <dt>结算号</dt>
        <dd className="mono" data-testid="settle-setl-id">
          {s.setlId ?? '—'}
        </dd>
        <dt>本机结算单</dt>
        <dd className="mono">{s.settlementId}</dd>
        {s.settledAt && (
          <>
            <dt>结算时间</dt>
            <dd>{s.settledAt}</dd>
          </>
        )}
        {s.electronicReceipt && (
          <>
            <dt>电子票据</dt>
            <dd data-testid="settle-e-receipt">
              <span className="mono">{s.electronicReceipt.receiptNo}</span>（患者选择
              {s.electronicReceipt.choiceLabel}）
            </dd>
          </>
        )}
        {s.electronicReceipt?.reversal && (
          <>
            <dt>红字电子票据</dt>
            <dd data-testid="settle-e-receipt-reversal">
              <span className="mono">{s.electronicReceipt.reversal.receiptNo}</span>
            </dd>
          </>
        )}
      </dl>
    </header>
  );
}

function SettledUploads({ s }: { s: SettlementView }) {
  const uploads = useSettleStore((st) => st.uploads);
  const refreshing = useSettleStore((st) => st.refreshingUploads);
  return (
    <UploadList
      uploads={uploads?.uploads ?? s.uploads}
      refreshing={refreshing}
      onRefresh={() => void useSettleStore.getState().refreshUploads()}
    />
  );
}

function RefundButton({ s }: { s: SettlementView }) {
  if (!s.canRefund) return null;
  return (
    <Button
      size="large"
      danger
      data-testid="refund-open"
      onClick={() => useUiStore.getState().setOverlay('refund')}
    >
      退费…
    </Button>
  );
}

/** After 2102: success with the receipt, or the state the settlement is in and what to do next. */
export function SettlementResult({ settlement: s }: { settlement: SettlementView }) {
  const unknown = s.state === 'outcome_unknown' || s.state === 'refund_unknown';
  const done = s.state === 'settled' || s.state === 'refunded';
  return (
    <div className="settle-result" data-testid="settle-result" data-state={s.state}>
      <ResultHead s={s} />
      {unknown ? <UnknownOutcome settlement={s} /> : <p className="settle-next">{s.nextStep}</p>}
      {s.refusal && (
        <p className="bad-text" data-testid="settle-refusal">
          {s.refusal}
        </p>
      )}
      {s.canSettleAgain && (
        <p className="settle-again" data-testid="settle-again">
          可以重新结算：按 <kbd>F5</kbd> 重新预结算
        </p>
      )}
      {s.refund && <RefundSummary refund={s.refund} />}
      {done && s.split && <SplitSummary split={s.split} />}
      {s.state === 'settled' && s.split && s.split.cash.fen > 0 && (
        <CashTenderBox due={s.split.cash} />
      )}
      {s.state === 'settled' && <SelfPayLines lines={s.lines} />}
      <div className="settle-actions">
        <RefundButton s={s} />
        {s.state === 'settled' && <DeliveryForm settlementId={s.settlementId} />}
      </div>
      {(done || s.uploads.length > 0) && <SettledUploads s={s} />}
      {s.state === 'settled' && (
        <ReceiptPanel of={{ settlementId: s.settlementId }} version={s.state} />
      )}
      <RefundDialog settlement={s} />
    </div>
  );
}
