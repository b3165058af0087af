import { Table } from 'antd';
import type { FlowedPriceRow, FlowedPricesReport } from '../../../contract/types-reports';
import { RuleDetails } from '../../components/RuleDetails';
import { formatFen } from '../../format/money';
import { PriceRangeChart } from '../charts/PriceRangeChart';
import { fenToYuan } from '../charts/tick-format';
import { Tiles } from '../Tiles';

const price = (fen: number | null) => (fen === null ? '—' : formatFen(fen));

/** Charged more than today's published price at least once in the period. */
export function chargedAbove(r: FlowedPriceRow): boolean {
  return r.maxSoldFen !== null && r.maxSoldFen > r.currentPriceFen;
}

/** 外流药品价格 (R-PRICE-PUB): current price against what was actually charged. */
export function PricesView({ report }: { report: FlowedPricesReport }) {
  const above = report.rows.filter(chargedAbove);
  return (
    <section data-testid="reports-view-flowed-prices" className="reports-view">
      <Tiles
        items={[
          {
            label: '外流药品品种',
            value: String(report.rows.length),
            testId: 'reports-prices-count',
          },
          {
            label: '收费高于现价的品种',
            value: String(above.length),
            testId: 'reports-prices-above',
            alert: above.length > 0,
          },
          { label: '售出盒数', value: String(report.rows.reduce((n, r) => n + r.soldPacks, 0)) },
        ]}
      />
      {above.length > 0 && (
        <div className="reports-price-warning">
          ！以下标红的药品本期间曾以高于现行公示价格收费，请核对价格
          <RuleDetails ruleId="R-PRICE-PUB" />
        </div>
      )}
      <p className="reports-note">
        图示：◆ 现行价格；横条 本期间最低至最高收费（白线为平均）；斜线红条 曾高于现价
      </p>
      <PriceRangeChart
        title={`外流药品现价与实收价格（${report.period.from} 至 ${report.period.to}）`}
        formatValue={(v) => formatFen(Math.round(v * 100))}
        items={report.rows.slice(0, 20).map((r) => ({
          key: r.medListCodg,
          label: `${r.genname} ${r.spec}`,
          current: fenToYuan(r.currentPriceFen),
          min: r.minSoldFen === null ? null : fenToYuan(r.minSoldFen),
          max: r.maxSoldFen === null ? null : fenToYuan(r.maxSoldFen),
          avg: r.avgSoldFen === null ? null : fenToYuan(r.avgSoldFen),
        }))}
      />
      <Table<FlowedPriceRow>
        data-testid="reports-table"
        size="middle"
        rowKey="medListCodg"
        dataSource={report.rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(r) =>
          chargedAbove(r)
            ? ({ className: 'reports-row-alert', 'data-above': 'true' } as object)
            : {}
        }
        columns={[
          { title: '药品', render: (_, r) => `${r.genname} ${r.spec}` },
          { title: '医保编码', dataIndex: 'medListCodg', className: 'mono' },
          {
            title: '现行价格',
            align: 'right',
            render: (_, r) => `${formatFen(r.currentPriceFen)}/${r.packUnit}`,
          },
          { title: '售出盒数', dataIndex: 'soldPacks', align: 'right' },
          { title: '最低收费', align: 'right', render: (_, r) => price(r.minSoldFen) },
          {
            title: '最高收费',
            align: 'right',
            render: (_, r) =>
              chargedAbove(r) ? (
                <strong>！{price(r.maxSoldFen)} 高于现价</strong>
              ) : (
                price(r.maxSoldFen)
              ),
          },
          { title: '平均收费', align: 'right', render: (_, r) => price(r.avgSoldFen) },
        ]}
      />
    </section>
  );
}
