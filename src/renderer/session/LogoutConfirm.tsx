import { Button, Modal } from 'antd';
import { useRef, useState } from 'react';
import type { HeldDispensingView } from '../../contract/types-dispense';
import { HeldWarningList } from '../held/HeldWarningList';
import { heldNow } from '../held/held-warning';
import { LOGOUT_KEY } from '../keyboard/function-keys';
import { useUiStore } from '../stores/ui-store';
import { logoutWithFeedback } from './logout';

const close = () => useUiStore.getState().setOverlay(null);

/** Ctrl+Shift+L or the 退出登录 button: log-out happens only after this confirmation. */
export function LogoutConfirm() {
  const open = useUiStore((s) => s.overlay === 'logout');
  const confirm = useRef<HTMLButtonElement>(null);
  const [held, setHeld] = useState<readonly HeldDispensingView[]>([]);
  return (
    <Modal
      open={open}
      onCancel={close}
      title={`退出登录（${LOGOUT_KEY}）`}
      width={520}
      destroyOnHidden
      afterOpenChange={(opened) => {
        if (!opened) {
          setHeld([]);
          return;
        }
        confirm.current?.focus();
        void heldNow().then(setHeld);
      }}
      footer={[
        <Button key="cancel" onClick={close} data-testid="logout-cancel">
          取消 <kbd>Esc</kbd>
        </Button>,
        <Button
          key="ok"
          type="primary"
          danger
          ref={confirm}
          data-testid="logout-confirm"
          onClick={() => {
            close();
            void logoutWithFeedback();
          }}
        >
          退出登录 <kbd>Enter</kbd>
        </Button>,
      ]}
    >
      <p data-testid="logout-dialog">
        确定退出当前工作人员的登录吗？退出后本次登录中未提交的审方意见草稿将被清除。
      </p>
      <HeldWarningList items={held} testId="logout-held-warning" />
    </Modal>
  );
}
