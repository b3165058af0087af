import { Button } from 'antd';
import { useStaffStore } from './staff-store';

const QUESTION = {
  deactivate: '停用后该账号不能再登录；其经手的记录保留。确认停用',
  reactivate: '确认重新启用',
  reset: '为该账号设置临时密码（下次登录须修改）：',
} as const;

/** Asks before deactivating, reactivating or resetting a password; Enter confirms, Esc cancels. */
export function StaffActionBar() {
  const action = useStaffStore((s) => s.action);
  const busy = useStaffStore((s) => s.busy);
  if (!action) return null;
  const { kind, staff } = action;
  return (
    <form
      className="staff-action"
      data-testid="staff-action"
      onSubmit={(ev) => {
        ev.preventDefault();
        void useStaffStore.getState().confirmAction();
      }}
    >
      <span>
        {QUESTION[kind]}
        {kind === 'reset' ? '' : ` ${staff.displayName}（${staff.username}）？`}
      </span>
      {kind === 'reset' && (
        <input
          type="password"
          autoComplete="new-password"
          data-testid="staff-reset-password"
          // biome-ignore lint/a11y/noAutofocus: keyboard-first, the question is answered by typing
          autoFocus
          value={action.password}
          onChange={(e) => useStaffStore.getState().editActionPassword(e.target.value)}
        />
      )}
      <Button
        type="primary"
        danger={kind === 'deactivate'}
        htmlType="submit"
        loading={busy}
        autoFocus={kind !== 'reset'}
        data-testid="staff-action-confirm"
      >
        确认 <kbd>Enter</kbd>
      </Button>
      <Button onClick={() => useStaffStore.getState().cancel()}>
        取消 <kbd>Esc</kbd>
      </Button>
    </form>
  );
}
