import { Button } from 'antd';
import { ROLE_LABELS, ROLES, type Role } from '../../domain/staff';
import { useStaffStore } from './staff-store';

/** New account or the selected one's details; Enter saves. A pharmacist needs code and ID number. */
export function StaffForm() {
  const d = useStaffStore((s) => s.draft);
  const busy = useStaffStore((s) => s.busy);
  const saves = useStaffStore((s) => s.saves);
  const { edit } = useStaffStore.getState();
  const creating = d.id === null;
  return (
    <form
      key={`${d.id ?? 'new'}-${saves}`}
      className="staff-form"
      data-testid="staff-form"
      onSubmit={(ev) => {
        ev.preventDefault();
        void useStaffStore.getState().save();
      }}
    >
      <strong className="staff-form-title">
        {creating ? '新建账号' : `修改账号 ${d.username}`}
      </strong>
      {creating && (
        <label>
          用户名
          <input
            data-testid="staff-form-username"
            // biome-ignore lint/a11y/noAutofocus: keyboard-first, the page opens to be typed into
            autoFocus
            value={d.username}
            maxLength={32}
            onChange={(e) => edit({ username: e.target.value })}
          />
        </label>
      )}
      <label>
        姓名
        <input
          data-testid="staff-form-name"
          // biome-ignore lint/a11y/noAutofocus: editing starts at the first field that can change
          autoFocus={!creating}
          value={d.displayName}
          maxLength={40}
          onChange={(e) => edit({ displayName: e.target.value })}
        />
      </label>
      <label>
        岗位
        <select
          data-testid="staff-form-role"
          value={d.role}
          onChange={(e) => edit({ role: e.target.value as Role })}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      {d.role === 'pharmacist' && (
        <>
          <label>
            医保药师代码
            <input
              data-testid="staff-form-code"
              value={d.pharmacistCode}
              maxLength={20}
              placeholder="Y500103000123"
              onChange={(e) => edit({ pharmacistCode: e.target.value })}
            />
          </label>
          <label>
            居民身份证号{creating ? '' : '（不改则留空）'}
            <input
              data-testid="staff-form-certno"
              value={d.certno}
              maxLength={18}
              onChange={(e) => edit({ certno: e.target.value })}
            />
          </label>
        </>
      )}
      {creating && (
        <label>
          临时密码
          <input
            type="password"
            autoComplete="new-password"
            data-testid="staff-form-password"
            value={d.password}
            onChange={(e) => edit({ password: e.target.value })}
          />
        </label>
      )}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="staff-save">
        {creating ? '新建' : '保存'} <kbd>Enter</kbd>
      </Button>
      {!creating && <Button onClick={() => useStaffStore.getState().cancel()}>取消</Button>}
    </form>
  );
}
