import { Button, Input, Modal } from 'antd';
import { useState } from 'react';
import type { SettlementView } from '../../contract/types-settlement';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatFen } from '../format/money';
import { useUiStore } from '../stores/ui-store';
import { useSettleStore } from './settle-store';

const MIN_REASON = 2;

/** R-REVERSE: a refund needs a reason and a second look at what is given back. */
export function RefundDialog({ settlement }: { settlement: SettlementView }) {
  const open = useUiStore((s) => s.overlay === 'refund');
  const refunding = useSettleStore((s) => s.refunding);
  const error = useSettleStore((s) => s.error);
  const [reason, setReason] = useState('');
  const ready = reason.trim().length >= MIN_REASON;
  const close = () => useUiStore.getState().setOverlay(null);
  const submit = () => {
    if (!ready) return;
    void useSettleStore
      .getState()
      .refund(reason.trim())
      .then((ok) => {
        if (ok) {
          setReason('');
          close();
        }
      });
  };
  return (
    <Modal
      open={open}
      title="退费（撤销医保结算 2103）"
      footer={[
        <Button key="cancel" size="large" onClick={close}>
          取消 <kbd>Esc</kbd>
        </Button>,
        <Button
          key="ok"
          size="large"
          type="primary"
          danger
          disabled={!ready}
          loading={refunding}
          data-testid="refund-confirm"
          onClick={submit}
        >
          确认退费 <kbd>Enter</kbd>
        </Button>,
      ]}
      onCancel={close}
      keyboard={false}
      destroyOnHidden
    >
      <div data-testid="refund-dialog" className="refund-dialog">
        <p className="refund-what">
          {settlement.paper ? '纸质处方' : '处方'} <span className="mono">{settlement.hiRxno}</span>{' '}
          · 结算号 <span className="mono">{settlement.setlId}</span>
          {settlement.split && <> · 总额 {formatFen(settlement.split.total.fen)}</>}
        </p>
        <p>
          退费后医保中心撤销该笔结算，基金与个人账户原路退回，现金部分请当面退还患者；本机恢复库存与追溯码，并上传退货（
          {settlement.paper ? '3506' : '7208、3506'}）。
        </p>
        <Input.TextArea
          autoFocus
          rows={3}
          maxLength={200}
          value={reason}
          placeholder="退费原因（必填，至少2个字），如：患者退药"
          data-testid="refund-reason"
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              submit();
            }
          }}
        />
        {error && <ErrorAlert error={error} testId="refund-error" />}
      </div>
    </Modal>
  );
}
