import { Table, Tag } from 'antd';
import type { KeyboardEvent } from 'react';
import type { StockBatchView } from '../../contract/types-dispense';
import { expiryState, localToday } from './near-expiry';
import { useStockStore } from './stock-store';

interface Row extends StockBatchView {
  spec: string;
  unit: string;
}

const STATE_TAGS = {
  expired: <Tag color="red">已过期</Tag>,
  near: <Tag color="orange">近效期</Tag>,
  ok: <Tag color="green">正常</Tag>,
} as const;

/** The row's highlight classes (stock.css): near-expiry, expired, and the selected batch. */
function rowClass(state: 'expired' | 'near' | 'ok', isSelected: boolean): string | undefined {
  const classes = [
    state === 'near' && 'stock-row-near',
    state === 'expired' && 'stock-row-expired',
    isSelected && 'stock-row-selected',
  ].filter(Boolean);
  return classes.length > 0 ? classes.join(' ') : undefined;
}

/** Every batch, FEFO order per drug; near-expiry and expired rows highlighted; ↑↓ selects. */
export function BatchTable() {
  const items = useStockStore((s) => s.items);
  const selected = useStockStore((s) => s.selectedBatchId);
  const today = localToday();
  const rows: Row[] = items.flatMap((i) =>
    i.batches.map((b) => ({ ...b, spec: i.spec, unit: i.packUnit })),
  );
  const move = (ev: KeyboardEvent) => {
    if (ev.key !== 'ArrowDown' && ev.key !== 'ArrowUp') return;
    ev.preventDefault();
    const at = rows.findIndex((r) => r.batchId === selected);
    const next =
      rows[Math.max(0, Math.min(rows.length - 1, at + (ev.key === 'ArrowDown' ? 1 : -1)))];
    if (next) useStockStore.getState().select(next.batchId);
  };
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the focus holder of the batch list's ↑↓ keys
    <section data-testid="stock-batches" tabIndex={0} onKeyDown={move} aria-label="库存批次">
      <h3>库存批次（↑↓ 选择批次）</h3>
      <Table<Row>
        size="small"
        rowKey="batchId"
        dataSource={rows}
        pagination={false}
        scroll={{ y: 320 }}
        onRow={(r) => ({
          onClick: () => useStockStore.getState().select(r.batchId),
          'data-testid': `stock-batch-${r.batchNo}`,
          className: rowClass(expiryState(r.expiry, today), r.batchId === selected),
        })}
        columns={[
          { title: '药品', dataIndex: 'genname' },
          { title: '规格', dataIndex: 'spec' },
          { title: '批号', dataIndex: 'batchNo' },
          { title: '有效期至', dataIndex: 'expiry' },
          { title: '现有数量', render: (_, r) => `${r.packsOnHand} ${r.unit}` },
          { title: '效期', render: (_, r) => STATE_TAGS[expiryState(r.expiry, today)] },
          { title: '入库时间', dataIndex: 'receivedAt' },
        ]}
      />
    </section>
  );
}
