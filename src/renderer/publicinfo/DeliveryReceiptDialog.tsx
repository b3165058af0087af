import { Button, Checkbox, Input, Modal } from 'antd';
import { useState } from 'react';
import { useUiStore } from '../stores/ui-store';
import { usePublicStore } from './public-store';

const close = () => useUiStore.getState().setOverlay(null);

/**
 * 确认签收 (Alt+Shift+Q, R-DELIVERY): who received the drugs, and that their identity was
 * checked; Enter confirms once both are given, Esc closes. The server refuses it otherwise too.
 */
export function DeliveryReceiptDialog() {
  const open = useUiStore((s) => s.overlay === 'deliveryReceipt');
  const order = usePublicStore((s) => s.deliveries.find((d) => d.orderId === s.selectedOrderId));
  const busy = usePublicStore((s) => s.busy);
  const [receiver, setReceiver] = useState('');
  const [checked, setChecked] = useState(false);
  const ready = receiver.trim().length > 0 && checked;
  const submit = async () => {
    if (!ready || !order) return;
    const ok = await usePublicStore
      .getState()
      .confirmReceipt(order.orderId, receiver.trim(), checked);
    if (!ok) return;
    setReceiver('');
    setChecked(false);
    close();
  };
  return (
    <Modal
      open={open && order !== undefined}
      title="确认签收（Alt+Shift+Q）"
      onCancel={close}
      destroyOnHidden
      footer={[
        <Button key="cancel" size="large" onClick={close}>
          取消 <kbd>Esc</kbd>
        </Button>,
        <Button
          key="ok"
          size="large"
          type="primary"
          disabled={!ready}
          loading={busy}
          data-testid="delivery-receipt-confirm"
          onClick={() => void submit()}
        >
          确认签收 <kbd>Enter</kbd>
        </Button>,
      ]}
    >
      <form
        className="delivery-receipt-form"
        data-testid="delivery-receipt-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p>
          处方 <span className="mono">{order?.hiRxno}</span> · {order?.courier} · 交接时间{' '}
          {order?.handedOverAt}
        </p>
        <label htmlFor="delivery-receiver">签收人姓名</label>
        <Input
          id="delivery-receiver"
          size="large"
          autoFocus
          maxLength={40}
          value={receiver}
          data-testid="delivery-receiver"
          onChange={(e) => setReceiver(e.target.value)}
        />
        <Checkbox
          checked={checked}
          data-testid="delivery-identity-checked"
          onChange={(e) => setChecked(e.target.checked)}
        >
          已核验签收人身份（本人或其委托人证件）
        </Checkbox>
        <button type="submit" hidden />
      </form>
    </Modal>
  );
}
