import { Button, Modal } from 'antd';
import { useRef } from 'react';
import { useUiStore } from '../stores/ui-store';
import { useShiftStore } from './shift-store';

const close = () => useUiStore.getState().setOverlay(null);

/** F12 with dispensings still unsettled: the pharmacist sees them before going off duty. */
export function OffDutyConfirm() {
  const open = useUiStore((s) => s.overlay === 'offDuty');
  const warning = useShiftStore((s) => s.offDutyWarning);
  const confirm = useRef<HTMLButtonElement>(null);
  return (
    <Modal
      open={open}
      onCancel={close}
      title="药师下岗（F12）"
      width={460}
      destroyOnHidden
      afterOpenChange={(opened) => {
        if (opened) confirm.current?.focus();
      }}
      footer={[
        <Button key="cancel" onClick={close} data-testid="off-duty-cancel">
          先不下岗 <kbd>Esc</kbd>
        </Button>,
        <Button
          key="ok"
          type="primary"
          danger
          ref={confirm}
          data-testid="off-duty-confirm"
          onClick={() => {
            close();
            void useShiftStore.getState().switchShift();
          }}
        >
          仍要下岗 <kbd>Enter</kbd>
        </Button>,
      ]}
    >
      <p className="logout-held-warning" data-testid="off-duty-warning" role="alert">
        {warning}
      </p>
      <p>下岗后本柜台不能再审方；待结算的调剂可由下一班药师结算或撤销。</p>
    </Modal>
  );
}
