import { Alert, Table, Tag } from 'antd';
import type { StoreStockLevelsView } from '../../contract/types-stock';
import { ErrorAlert } from '../components/ErrorAlert';
import { expiryState, localToday } from './near-expiry';
import { useStockStore } from './stock-store';

/** Near-expiry and expired batches highlighted as in the counter's own list (stock.css). */
const ROW_CLASS = { expired: 'stock-row-expired', near: 'stock-row-near', ok: undefined } as const;

type StoreBatch = StoreStockLevelsView['batches'][number];

interface Row extends StoreBatch {
  drug: string;
}

const STATE_TAGS = {
  expired: <Tag color="red">已过期</Tag>,
  near: <Tag color="orange">近效期</Tag>,
  ok: <Tag color="green">正常</Tag>,
} as const;

/**
 * 全店库存 of a counter of a store: every batch as the store server holds it, which counter
 * received it; offline this counter's last copy under a warning naming the time it was read
 * (D49, D54) — never shown as the current figures.
 */
export function StoreStockTable() {
  const levels = useStockStore((s) => s.storeLevels);
  const error = useStockStore((s) => s.storeLevelsError);
  const drugs = useStockStore((s) => s.drugs);
  if (error) return <ErrorAlert error={error} testId="store-stock-error" />;
  if (!levels) return null;
  const names = new Map(drugs.map((d) => [d.medListCodg, `${d.genname} ${d.spec}`]));
  const today = localToday();
  const rows: Row[] = levels.batches.map((b) => ({
    ...b,
    drug: names.get(b.medListCodg) ?? b.medListCodg,
  }));
  return (
    <section data-testid="store-stock" aria-label="全店库存">
      {levels.source === 'lastCopy' ? (
        <Alert type="warning" showIcon data-testid="store-stock-copy" title={levels.note} />
      ) : (
        <p data-testid="store-stock-note">{levels.note}</p>
      )}
      <Table<Row>
        size="small"
        rowKey={(r) => `${r.medListCodg}/${r.batchNo}`}
        dataSource={rows}
        pagination={false}
        scroll={{ y: 320 }}
        onRow={(r) => ({
          'data-testid': `store-stock-${r.batchNo}`,
          className: ROW_CLASS[expiryState(r.expiry, today)],
        })}
        columns={[
          { title: '药品', dataIndex: 'drug' },
          { title: '批号', dataIndex: 'batchNo' },
          { title: '有效期至', dataIndex: 'expiry' },
          { title: '现有数量（盒）', dataIndex: 'onHand' },
          { title: '效期', render: (_, r) => STATE_TAGS[expiryState(r.expiry, today)] },
          {
            title: '进货柜台',
            render: (_, r) => r.receivingCounters.map((c) => `柜台 ${c}`).join('、'),
          },
        ]}
      />
    </section>
  );
}
