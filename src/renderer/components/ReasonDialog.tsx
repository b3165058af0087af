import { Button, Input, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import type { AppErrorShape } from '../../domain/errors';
import { ErrorAlert } from './ErrorAlert';

const MIN_REASON = 2;

/**
 * A step that undoes something (退费, 撤销调剂) asks for its reason and a second look at what
 * goes back: Enter confirms once the reason has two characters, Esc or 取消 closes. Test ids are
 * `<testIdPrefix>-dialog`, `-reason`, `-confirm` and `-error`.
 */
export function ReasonDialog(props: {
  open: boolean;
  title: string;
  confirmLabel: string;
  placeholder: string;
  busy: boolean;
  error: AppErrorShape | null;
  errorLead?: ReactNode;
  testIdPrefix: string;
  /** What goes back, in words the patient's case needs. */
  children: ReactNode;
  onClose(): void;
  /** Resolves true when done; the reason is then cleared (closing is the caller's). */
  onSubmit(reason: string): Promise<boolean>;
}) {
  const { testIdPrefix: id } = props;
  const [reason, setReason] = useState('');
  const ready = reason.trim().length >= MIN_REASON;
  const submit = () => {
    if (!ready) return;
    void props.onSubmit(reason.trim()).then((ok) => {
      if (ok) setReason('');
    });
  };
  return (
    <Modal
      open={props.open}
      title={props.title}
      footer={[
        <Button key="cancel" size="large" onClick={props.onClose}>
          取消 <kbd>Esc</kbd>
        </Button>,
        <Button
          key="ok"
          size="large"
          type="primary"
          danger
          disabled={!ready}
          loading={props.busy}
          data-testid={`${id}-confirm`}
          onClick={submit}
        >
          {props.confirmLabel} <kbd>Enter</kbd>
        </Button>,
      ]}
      onCancel={props.onClose}
      keyboard={false}
      destroyOnHidden
    >
      <div data-testid={`${id}-dialog`} className="refund-dialog">
        {props.children}
        <Input.TextArea
          autoFocus
          rows={3}
          maxLength={200}
          value={reason}
          placeholder={props.placeholder}
          data-testid={`${id}-reason`}
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              submit();
            }
          }}
        />
        {props.error && (
          <ErrorAlert error={props.error} testId={`${id}-error`} lead={props.errorLead} />
        )}
      </div>
    </Modal>
  );
}
