import { Button } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { usePasswordStore } from './password-store';

/** Old password, new password twice; Enter submits. The policy's reason shows when refused. */
export function ChangePasswordForm({ submitLabel }: { submitLabel: string }) {
  const [oldPassword, setOld] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeated, setRepeated] = useState('');
  const busy = usePasswordStore((s) => s.busy);
  const error = usePasswordStore((s) => s.error);
  return (
    <form
      className="password-form"
      data-testid="password-form"
      onSubmit={(ev) => {
        ev.preventDefault();
        void usePasswordStore.getState().change(oldPassword, newPassword, repeated);
      }}
    >
      <label>
        原密码
        <input
          type="password"
          data-testid="password-old"
          autoComplete="current-password"
          // biome-ignore lint/a11y/noAutofocus: keyboard-first, the form opens to be typed into
          autoFocus
          value={oldPassword}
          onChange={(e) => setOld(e.target.value)}
        />
      </label>
      <label>
        新密码
        <input
          type="password"
          data-testid="password-new"
          autoComplete="new-password"
          value={newPassword}
          onChange={(e) => setNew(e.target.value)}
        />
      </label>
      <label>
        再次输入新密码
        <input
          type="password"
          data-testid="password-repeat"
          autoComplete="new-password"
          value={repeated}
          onChange={(e) => setRepeated(e.target.value)}
        />
      </label>
      <p className="password-rules">
        至少 8 位，同时包含字母和数字，不能包含用户名，不能使用演示密码或常见密码。
      </p>
      {error && <ErrorAlert error={error} testId="password-error" />}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="password-submit">
        {submitLabel} <kbd>Enter</kbd>
      </Button>
    </form>
  );
}
