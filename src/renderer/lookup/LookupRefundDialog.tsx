import { Button, Input, Modal } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { useLookupStore } from './lookup-store';

const MIN_REASON = 2;

/** R-REVERSE: the refund of a looked-up settlement, through the one refund path (refund.start). */
export function LookupRefundDialog() {
  const open = useLookupStore((s) => s.refundOpen);
  const busy = useLookupStore((s) => s.busy);
  const row = useLookupStore((s) => s.rows[s.selected]);
  const error = useLookupStore((s) => s.error);
  const [reason, setReason] = useState('');
  const ready = reason.trim().length >= MIN_REASON;
  const submit = () => {
    if (!ready) return;
    void useLookupStore
      .getState()
      .refund(reason.trim())
      .then((ok) => {
        if (ok) setReason('');
      });
  };
  const close = () => useLookupStore.getState().closeRefund();
  return (
    <Modal
      open={open}
      title="退费（撤销医保结算 2103）"
      onCancel={close}
      keyboard={false}
      destroyOnHidden
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
          loading={busy}
          data-testid="lookup-refund-confirm"
          onClick={submit}
        >
          确认退费 <kbd>Enter</kbd>
        </Button>,
      ]}
    >
      {row && (
        <p>
          结算ID <span className="mono">{row.setlId}</span> · {row.patient.nameMasked} · 总额{' '}
          {row.total?.yuan ?? '—'}{' '}
          元。退费后医保中心撤销该笔结算，基金与个人账户原路退回，现金部分请当面退还患者。
        </p>
      )}
      <Input.TextArea
        autoFocus
        rows={3}
        maxLength={200}
        value={reason}
        placeholder="退费原因（必填，至少2个字），如：患者退药"
        data-testid="lookup-refund-reason"
        onChange={(e) => setReason(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            submit();
          }
        }}
      />
      {error && <ErrorAlert error={error} testId="lookup-refund-error" />}
    </Modal>
  );
}
