import { Button, Modal, Table, Tag } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OutboxItemView } from '../../contract/types-outbox';
import { api, isUnauthenticated, toShape } from '../api';
import { ReconPanel } from '../components/ReconPanel';
import { formatAge } from '../format/age';
import { useSessionStore } from '../stores/session-store';
import { useOutboxStore } from './outbox-store';

const STATUS_COLORS: Record<OutboxItemView['status'], string> = {
  pending: 'processing',
  in_flight: 'processing',
  delivered: 'success',
  parked: 'error',
};

/** The upload queue: what has not reached the center yet, why, and "send now" / "send again". */
export function OutboxQueueModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const [items, setItems] = useState<OutboxItemView[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const fail = useCallback((err: unknown) => {
    if (isUnauthenticated(err)) useSessionStore.getState().expire(toShape(err).message);
    else setMessage(toShape(err).message);
  }, []);

  // Only the latest list request may fill the table (an older one can answer last).
  const listSeq = useRef(0);
  const loadList = useCallback(async () => {
    const seq = ++listSeq.current;
    const list = await api.call('outbox.list', { status: 'undelivered' });
    if (seq === listSeq.current) setItems(list);
  }, []);

  const run = useCallback(
    async (work: () => Promise<string>) => {
      setBusy(true);
      try {
        setMessage(await work());
        await loadList();
        void useOutboxStore.getState().refresh();
      } catch (err) {
        fail(err);
      } finally {
        setBusy(false);
      }
    },
    [fail, loadList],
  );

  // Loading the list only spins the table: "send now" stays ready (a press is never ignored).
  useEffect(() => {
    if (!open) return;
    setMessage(null);
    loadList().catch(fail);
  }, [open, fail, loadList]);

  const sendNow = () =>
    run(async () => {
      const r = await api.call('outbox.sendNow', {});
      return `已发送：送达 ${r.delivered} 条，稍后重试 ${r.retried} 条，搁置 ${r.parked} 条`;
    });
  const requeue = (id: number) =>
    run(async () => {
      await api.call('outbox.requeue', { id });
      return '已重新排队，将以原报文ID发送';
    });

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title="上传队列与对账"
      width={1000}
      footer={[
        <Button key="send" type="primary" loading={busy} onClick={sendNow} autoFocus>
          立即发送
        </Button>,
        <Button key="close" onClick={onClose}>
          关闭（Esc）
        </Button>,
      ]}
    >
      {message && <p className="outbox-queue-message">{message}</p>}
      <Table<OutboxItemView>
        size="middle"
        rowKey="id"
        loading={items === null}
        dataSource={items ?? []}
        pagination={false}
        locale={{ emptyText: '队列已清空：所有请求均已送达' }}
        columns={[
          { title: '交易', render: (_, i) => `${i.infno} ${i.name}` },
          {
            title: '状态',
            render: (_, i) => <Tag color={STATUS_COLORS[i.status]}>{i.statusLabel}</Tag>,
          },
          { title: '已尝试', dataIndex: 'attempts' },
          { title: '排队时长', render: (_, i) => formatAge(i.ageMs) },
          {
            title: '最近错误',
            render: (_, i) => (
              <span data-testid="outbox-item-error">
                {i.lastError ?? ''}
                {i.lastErrorDetail && (
                  <small className="outbox-error-detail" data-testid="outbox-item-error-detail">
                    详情：{i.lastErrorDetail}
                  </small>
                )}
              </span>
            ),
          },
          {
            title: '',
            render: (_, i) =>
              i.status === 'parked' ? (
                <Button size="small" onClick={() => requeue(i.id)}>
                  重新发送
                </Button>
              ) : null,
          },
        ]}
      />
      <ReconPanel />
    </Modal>
  );
}
