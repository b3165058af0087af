import { Table } from 'antd';
import type { CatalogCoverageReport, CatalogCoverageRow } from '../../../contract/types-reports';
import { ShareBar } from '../charts/ShareBar';
import { formatShare } from '../charts/share-layout';
import { Tiles } from '../Tiles';

/** 目录占比 (R-CATALOG): share of stocked varieties in the insurance catalog against 70 %. */
export function CatalogView({ report }: { report: CatalogCoverageReport }) {
  const unlisted = report.rows.filter((r) => !r.listed);
  const tone = report.meets ? 'reports-meets' : 'reports-attention';
  return (
    <section data-testid="reports-view-catalog-coverage" className="reports-view">
      <div className="work-area-row reports-catalog-headline">
        <span className={`reports-big-share ${tone}`} data-testid="reports-catalog-share">
          {formatShare(report.share)}
        </span>
        <span
          data-testid="reports-catalog-verdict"
          data-meets={String(report.meets)}
          className={`reports-catalog-verdict ${tone}`}
        >
          {report.meets
            ? `✔ 达标：医保目录内品种占比不低于 ${formatShare(report.threshold)}`
            : `✘ 未达标：医保目录内品种占比低于 ${formatShare(report.threshold)}，请增加目录内品种或减少目录外品种`}
        </span>
      </div>
      <ShareBar share={report.share} threshold={report.threshold} />
      <Tiles
        items={[
          {
            label: '在库品种',
            value: String(report.stockedVarieties),
            testId: 'reports-catalog-stocked',
          },
          { label: '医保目录内', value: String(report.listedVarieties) },
          {
            label: '目录外',
            value: String(unlisted.length),
            alert: !report.meets && unlisted.length > 0,
          },
          { label: '统计时间', value: report.asOf },
        ]}
      />
      <h3 className="reports-subtitle">目录外在库品种（{unlisted.length}）</h3>
      <Table<CatalogCoverageRow>
        data-testid="reports-table"
        size="middle"
        rowKey="medListCodg"
        dataSource={unlisted}
        locale={{ emptyText: '在库品种均在医保目录内' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '品种', dataIndex: 'name' },
          { title: '编码', dataIndex: 'medListCodg', className: 'mono' },
          { title: '在库盒数', dataIndex: 'packsOnHand', align: 'right' },
        ]}
      />
    </section>
  );
}
