import { Button } from 'antd';
import { ErrorAlert } from '../components/ErrorAlert';
import { isOpen, useNavigation } from '../navigation/navigation-store';
import { ComplaintDetailPane } from './ComplaintDetailPane';
import { useComplaintStore } from './complaint-store';
import { RegisterForm } from './RegisterForm';
import './complaints.css';

/** 投诉举报登记 (Alt+V): register, check and correct, or pass on to the local agency, then close. */
export function ComplaintScreen() {
  const open = useNavigation((s) => isOpen(s, 'complaints'));
  const items = useComplaintStore((s) => s.items);
  const selected = useComplaintStore((s) => s.selected);
  const detail = useComplaintStore((s) => s.detail);
  const error = useComplaintStore((s) => s.error);
  const notice = useComplaintStore((s) => s.notice);
  if (!open) return null;
  return (
    <main className="work-area-screen complaint-screen" data-testid="complaint-screen">
      <header className="work-area-row work-area-row-spread">
        <h2 className="complaint-title">投诉举报登记</h2>
        <span>N 新登记 · ↑↓ 选择 · Enter 跟进 · Esc 关闭 · Alt+V 关闭</span>
        <Button size="large" onClick={() => useNavigation.getState().close('complaints')}>
          关闭
        </Button>
      </header>
      <RegisterForm />
      {error && <ErrorAlert error={error} testId="complaint-error" />}
      {notice && (
        <div className="complaint-notice" data-testid="complaint-notice" role="status">
          {notice}
        </div>
      )}
      <div className="complaint-body">
        <table className="complaint-list" data-testid="complaint-list">
          <thead>
            <tr>
              <th>编号</th>
              <th>登记时间</th>
              <th>渠道</th>
              <th>投诉人</th>
              <th>事由</th>
              <th>状态</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c, i) => (
              <tr
                key={c.id}
                data-testid="complaint-row"
                data-selected={i === selected}
                className={i === selected ? 'complaint-selected' : undefined}
                onClick={() => useComplaintStore.getState().move(i - selected)}
              >
                <td>{c.id}</td>
                <td>{c.receivedAt}</td>
                <td>{c.channelLabel}</td>
                <td>{c.complainant}</td>
                <td className="complaint-subject">{c.subject}</td>
                <td>{c.stateLabel}</td>
              </tr>
            ))}
            {items.length === 0 && (
              <tr>
                <td colSpan={6}>尚无登记</td>
              </tr>
            )}
          </tbody>
        </table>
        {detail && <ComplaintDetailPane complaint={detail} />}
      </div>
    </main>
  );
}
