import { Table, Tag } from 'antd';
import type { StockUploadView } from '../../contract/types-stock';
import { useStockStore } from './stock-store';

const COLORS = { waiting: 'default', queued: 'blue', delivered: 'green', parked: 'red' } as const;

/** The newest stock uploads and their state; a refused one shows the center's reason. */
export function UploadList() {
  const uploads = useStockStore((s) => s.uploads);
  return (
    <section data-testid="stock-uploads">
      <h3>进销存上传（Alt+R 刷新）</h3>
      <Table<StockUploadView>
        size="small"
        rowKey="msgid"
        dataSource={uploads}
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        columns={[
          { title: '时间', dataIndex: 'createdAt', width: 160 },
          { title: '交易', dataIndex: 'label', width: 170 },
          { title: '内容', dataIndex: 'summary' },
          {
            title: '状态',
            width: 150,
            render: (_, u) => (
              <Tag color={COLORS[u.state]} data-testid="stock-upload-state">
                {u.stateLabel}
              </Tag>
            ),
          },
          { title: '次数', dataIndex: 'attempts', width: 60 },
          { title: '最近错误', render: (_, u) => u.lastError ?? '' },
        ]}
      />
    </section>
  );
}
