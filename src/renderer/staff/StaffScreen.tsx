import { Button } from 'antd';
import { ErrorAlert } from '../components/ErrorAlert';
import { isOpen, useNavigation } from '../navigation/navigation-store';
import { StaffActionBar } from './StaffActionBar';
import { StaffForm } from './StaffForm';
import { useStaffStore } from './staff-store';
import './staff.css';

/** 员工管理 (Ctrl+Shift+Y, administrator): accounts are deactivated, never deleted. */
export function StaffScreen() {
  const open = useNavigation((s) => isOpen(s, 'staff'));
  const items = useStaffStore((s) => s.items);
  const error = useStaffStore((s) => s.error);
  const notice = useStaffStore((s) => s.notice);
  if (!open) return null;
  const store = useStaffStore.getState();
  return (
    <main className="work-area-screen staff-screen" data-testid="staff-screen">
      <header className="work-area-row work-area-row-spread">
        <h2 className="staff-title">员工管理</h2>
        <span>Enter 保存 · Esc 取消或关闭 · Ctrl+Shift+Y 关闭</span>
        <Button size="large" onClick={() => useNavigation.getState().close('staff')}>
          关闭
        </Button>
      </header>
      <StaffForm />
      <StaffActionBar />
      {error && <ErrorAlert error={error} testId="staff-error" />}
      {notice && (
        <div className="staff-notice" data-testid="staff-notice" role="status">
          {notice}
        </div>
      )}
      <table className="staff-list" data-testid="staff-list">
        <thead>
          <tr>
            <th>用户名</th>
            <th>姓名</th>
            <th>岗位</th>
            <th>医保药师代码</th>
            <th>身份证号</th>
            <th>状态</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {items.map((s) => (
            <tr
              key={s.id}
              data-testid="staff-row"
              data-username={s.username}
              data-active={s.active}
            >
              <td>{s.username}</td>
              <td>{s.displayName}</td>
              <td>{s.roleLabel}</td>
              <td>{s.pharmacistCode ?? '—'}</td>
              <td>{s.certnoMasked ?? '—'}</td>
              <td className={s.active ? undefined : 'staff-inactive'} data-testid="staff-state">
                {s.stateLabel}
              </td>
              <td className="staff-row-actions">
                <Button size="small" onClick={() => store.startEdit(s)}>
                  修改
                </Button>
                <Button size="small" onClick={() => store.startAction('reset', s)}>
                  重置密码
                </Button>
                {s.active ? (
                  <Button
                    size="small"
                    danger
                    data-testid="staff-deactivate"
                    onClick={() => store.startAction('deactivate', s)}
                  >
                    停用
                  </Button>
                ) : (
                  <Button size="small" onClick={() => store.startAction('reactivate', s)}>
                    启用
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
