import { Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { formatAgo } from '../format/age';
import { lazyView } from '../navigation/lazy-view';
import { useOutboxStore } from './outbox-store';

const OutboxQueueModal = lazyView(() =>
  import('./OutboxQueueModal').then((m) => m.OutboxQueueModal),
);

const POLL_MS = 4000;

/** Pending uploads and the age of the oldest, always on screen (offline must be bounded and visible). */
export function OutboxChip() {
  const status = useOutboxStore((s) => s.status);
  const error = useOutboxStore((s) => s.error);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const { refresh } = useOutboxStore.getState();
    void refresh();
    const id = window.setInterval(() => void refresh(), POLL_MS);
    return () => window.clearInterval(id);
  }, []);

  let color = 'default';
  let text = '上传队列：读取中…';
  if (error) {
    color = 'error';
    text = `上传队列状态未知：${error}`;
  } else if (status) {
    if (status.pending === 0 && status.parked === 0) {
      color = 'success';
      text = '上传队列已清空';
    } else {
      color = status.parked > 0 ? 'error' : 'processing';
      const age =
        status.oldestPendingAgeMs === null ? '' : ` · 最早 ${formatAgo(status.oldestPendingAgeMs)}`;
      const parked = status.parked > 0 ? ` · ${status.parked} 条需人工处理` : '';
      const circuit =
        status.circuit.state === 'open' && status.circuit.retryInMs !== null
          ? ` · 医保中心暂不可达，${Math.ceil(status.circuit.retryInMs / 1000)} 秒后重试`
          : '';
      text = `待上传 ${status.pending} 条${age}${parked}${circuit}`;
    }
  }

  return (
    <>
      <Tooltip title={status?.lastError ? `最近错误：${status.lastError}` : '查看上传队列'}>
        <button
          type="button"
          className="outbox-chip"
          data-testid="outbox-status"
          data-pending={status?.pending ?? ''}
          data-parked={status?.parked ?? ''}
          onClick={() => setOpen(true)}
        >
          <Tag color={color} variant="solid" className="status-tag">
            {text}
          </Tag>
        </button>
      </Tooltip>
      <OutboxQueueModal open={open} onClose={() => setOpen(false)} />
    </>
  );
}
