import { Table } from 'antd';
import type { RiskDrill } from '../../contract/types-risk';

/** The rows behind one signal (personal data masked by the backend). */
export function RiskDrillTable({ drill }: { drill: RiskDrill }) {
  if (drill.total === 0) return <div data-testid="risk-drill-empty">没有明细</div>;
  return (
    <div data-testid="risk-drill">
      {drill.total > drill.rows.length && (
        <div>
          共 {drill.total} 行，显示前 {drill.rows.length} 行
        </div>
      )}
      <Table
        size="middle"
        pagination={false}
        className="risk-drill-table"
        rowKey={(_, i) => String(i)}
        columns={drill.columns.map((c) => ({ key: c.key, dataIndex: c.key, title: c.title }))}
        dataSource={drill.rows}
      />
    </div>
  );
}
