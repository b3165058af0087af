import { Button, Tag } from 'antd';
import type { UploadState, UploadView } from '../../contract/types-settlement';

const COLORS: Record<UploadState, string> = {
  waiting: 'default',
  queued: 'processing',
  delivered: 'success',
  parked: 'error',
};

/** R-SALES-UP, R-STOCK: each upload of one sale (7207, 3505, 7208, 3506, 2601) and where it is. */
export function UploadList({
  uploads,
  refreshing,
  onRefresh,
}: {
  uploads: UploadView[];
  refreshing: boolean;
  onRefresh(): void;
}) {
  return (
    <section className="upload-list" aria-label="上传状态" data-testid="sale-uploads">
      <header className="upload-head">
        <h4 className="pane-subtitle">上传状态</h4>
        <Button data-testid="uploads-refresh" loading={refreshing} onClick={onRefresh}>
          刷新
        </Button>
      </header>
      {uploads.length === 0 && <p className="hint">尚无上传记录</p>}
      <ul>
        {uploads.map((u) => (
          <li
            key={`${u.infno}-${u.msgid ?? u.label}`}
            data-testid="sale-upload"
            data-infno={u.infno}
            data-state={u.state}
          >
            <Tag color={COLORS[u.state]} className="status-tag">
              {u.stateLabel}
            </Tag>
            <span>{u.label}</span>
            {u.lastError && <span className="bad-text"> {u.lastError}</span>}
            {u.deliveredAt && <span className="drug-meta"> {u.deliveredAt}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
