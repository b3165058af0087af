import { Button, Input, Modal } from 'antd';
import { useState } from 'react';
import type { DispensingView } from '../../contract/types-dispense';
import { ErrorAlert } from '../components/ErrorAlert';
import { useUiStore } from '../stores/ui-store';
import { useHeldStore } from './held-store';

const MIN_REASON = 2;

/** 撤销调剂 (Shift+F9): a held dispensing goes back — reason required, confirmed once more. */
export function CancelHeldDialog({ view }: { view: DispensingView }) {
  const open = useUiStore((s) => s.overlay === 'cancelHeld');
  const cancelling = useHeldStore((s) => s.cancelling);
  const error = useHeldStore((s) => s.cancelError);
  const [reason, setReason] = useState('');
  const ready = reason.trim().length >= MIN_REASON;
  const codes = view.lines.reduce((n, l) => n + l.codes.length, 0);
  const close = () => {
    useHeldStore.getState().clearCancelError();
    useUiStore.getState().setOverlay(null);
  };
  const submit = () => {
    if (!ready) return;
    void useHeldStore
      .getState()
      .cancelShown(reason.trim())
      .then((ok) => {
        if (ok) {
          setReason('');
          useUiStore.getState().setOverlay(null);
        }
      });
  };
  return (
    <Modal
      open={open}
      title="撤销调剂（Shift+F9）"
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
          loading={cancelling}
          data-testid="cancel-held-confirm"
          onClick={submit}
        >
          确认撤销调剂 <kbd>Enter</kbd>
        </Button>,
      ]}
      onCancel={close}
      keyboard={false}
      destroyOnHidden
    >
      <div data-testid="cancel-held-dialog" className="refund-dialog">
        <p className="refund-what">
          {view.source === 'paper' ? '纸质处方' : '处方'} <span className="mono">{view.rxno}</span>{' '}
          · 调剂单 {view.dispensingId} · 患者 {view.patient.name}
        </p>
        <p>
          该处方已调剂但尚未结算。撤销后本次调剂作废（记录与原因保留），药品退回库存，{codes}{' '}
          个追溯码可再次销售；未结算，无需退费。请先将药品收回再确认。
        </p>
        <Input.TextArea
          autoFocus
          rows={3}
          maxLength={200}
          value={reason}
          placeholder="撤销原因（必填，至少2个字），如：医保中心故障，患者不再等待"
          data-testid="cancel-held-reason"
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              submit();
            }
          }}
        />
        {error && <ErrorAlert error={error} testId="cancel-held-error" lead="不能撤销调剂：" />}
      </div>
    </Modal>
  );
}
