import { useSessionStore } from '../stores/session-store';
import { ChangePasswordForm } from './ChangePasswordForm';
import './staff.css';

/** After log-in with an administrator's temporary password: nothing else until it is changed. */
export function ForcedPasswordChange() {
  const name = useSessionStore((s) => s.session?.staff.displayName);
  return (
    <main className="login" data-testid="forced-password-change">
      <div className="login-box">
        <h1 className="login-title">请修改临时密码</h1>
        <p className="password-lead">
          {name}，您的密码是管理员设置的临时密码。请先设置自己的密码，再开始工作。
        </p>
        <ChangePasswordForm submitLabel="修改密码并进入" />
        <p className="password-lead">
          不是本人？按 <kbd>Ctrl+Shift+L</kbd> 退出登录。
        </p>
      </div>
    </main>
  );
}
