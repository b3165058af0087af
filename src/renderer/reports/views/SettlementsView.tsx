import { Table } from 'antd';
import type { DailySettlementRow, DailySettlementsReport } from '../../../contract/types-reports';
import { formatFen } from '../../format/money';
import { bucketByDate, shortLabel, sumBy } from '../buckets';
import { ColumnChart } from '../charts/ColumnChart';
import { OKABE_ITO, type SeriesStyle } from '../charts/palette';
import { fenToYuan } from '../charts/tick-format';
import { Tiles } from '../Tiles';

const SERIES: readonly SeriesStyle[] = [
  { key: 'fund', label: '统筹基金', color: OKABE_ITO.blue, pattern: 'solid' },
  { key: 'acct', label: '个人账户', color: OKABE_ITO.orange, pattern: 'stripes' },
  { key: 'cash', label: '个人现金', color: OKABE_ITO.green, pattern: 'dots' },
  { key: 'self', label: '自费零售（右侧单独柱）', color: OKABE_ITO.purple, pattern: 'cross' },
];

const yuan = (v: number) => formatFen(Math.round(v * 100));
const money = (fen: number) => formatFen(fen);

/** 每日结算: insured settlements split fund / account / cash, self-pay sales beside them. */
export function SettlementsView({ report }: { report: DailySettlementsReport }) {
  const t = report.totals;
  const buckets = bucketByDate(report.rows);
  const byMonth = buckets.some((b) => b.label.length === 7);
  return (
    <section data-testid="reports-view-settlements-daily" className="reports-view">
      <Tiles
        items={[
          {
            label: '医保结算笔数',
            value: String(t.settlements),
            testId: 'reports-total-settlements',
          },
          { label: '医疗费总额', value: money(t.medfeeFen), testId: 'reports-total-medfee' },
          { label: '统筹基金支付', value: money(t.fundFen), testId: 'reports-total-fund' },
          { label: '个人账户支付', value: money(t.acctFen) },
          { label: '个人现金支付', value: money(t.cashFen) },
          { label: `自费零售 ${t.selfPaySales} 笔`, value: money(t.selfPayFen) },
          { label: `退费 ${t.refunds} 笔`, value: money(t.refundedFen), alert: t.refunds > 0 },
          { label: '净额（扣除退费）', value: money(t.netFen), testId: 'reports-total-net' },
        ]}
      />
      <ColumnChart
        testId="reports-chart-settlements"
        title={`每日结算（${report.period.from} 至 ${report.period.to}${byMonth ? '，按月汇总' : ''}）`}
        summary={`医疗费总额 ${money(t.medfeeFen)}，其中统筹基金 ${money(t.fundFen)}、个人账户 ${money(t.acctFen)}、个人现金 ${money(t.cashFen)}；自费零售 ${money(t.selfPayFen)}`}
        unit="金额（元）"
        series={SERIES}
        formatValue={yuan}
        fullLabels={buckets.map((b) => b.label)}
        categories={buckets.map((b) => ({
          label: shortLabel(b.label),
          columns: [
            [
              { key: 'fund', value: fenToYuan(sumBy(b.rows, (r) => r.fundFen)) },
              { key: 'acct', value: fenToYuan(sumBy(b.rows, (r) => r.acctFen)) },
              { key: 'cash', value: fenToYuan(sumBy(b.rows, (r) => r.cashFen)) },
            ],
            [{ key: 'self', value: fenToYuan(sumBy(b.rows, (r) => r.selfPayFen)) }],
          ],
        }))}
      />
      <Table<DailySettlementRow>
        data-testid="reports-table"
        size="middle"
        rowKey="date"
        dataSource={report.rows}
        pagination={{ pageSize: 31, hideOnSinglePage: true }}
        columns={[
          { title: '日期', dataIndex: 'date', width: 120 },
          { title: '结算笔数', dataIndex: 'settlements', align: 'right' },
          { title: '医疗费总额', align: 'right', render: (_, r) => money(r.medfeeFen) },
          { title: '统筹基金', align: 'right', render: (_, r) => money(r.fundFen) },
          { title: '个人账户', align: 'right', render: (_, r) => money(r.acctFen) },
          { title: '个人现金', align: 'right', render: (_, r) => money(r.cashFen) },
          { title: '自费笔数', dataIndex: 'selfPaySales', align: 'right' },
          { title: '自费金额', align: 'right', render: (_, r) => money(r.selfPayFen) },
          {
            title: '退费',
            align: 'right',
            render: (_, r) => `${r.refunds} 笔 ${money(r.refundedFen)}`,
          },
          { title: '净额', align: 'right', render: (_, r) => money(r.netFen) },
        ]}
        summary={() => (
          <Table.Summary.Row data-testid="reports-table-total">
            <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
            {[
              t.settlements,
              money(t.medfeeFen),
              money(t.fundFen),
              money(t.acctFen),
              money(t.cashFen),
              t.selfPaySales,
              money(t.selfPayFen),
              `${t.refunds} 笔 ${money(t.refundedFen)}`,
              money(t.netFen),
            ].map((value, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns in a fixed order
              <Table.Summary.Cell key={i} index={i + 1} align="right">
                {value}
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        )}
      />
    </section>
  );
}
