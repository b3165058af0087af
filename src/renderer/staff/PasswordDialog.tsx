import { Modal } from 'antd';
import { ChangePasswordForm } from './ChangePasswordForm';
import { usePasswordStore } from './password-store';
import './staff.css';

/** 修改本人密码 (Ctrl+Shift+K), for every signed-in user; Esc closes. */
export function PasswordDialog() {
  const open = usePasswordStore((s) => s.open);
  return (
    <Modal
      open={open}
      title="修改本人密码"
      footer={null}
      destroyOnHidden
      onCancel={() => usePasswordStore.getState().close()}
    >
      <ChangePasswordForm submitLabel="修改密码" />
    </Modal>
  );
}
