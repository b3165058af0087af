import { Table } from 'antd';
import type { OutboxHealthReport, OutboxInfnoRow } from '../../../contract/types-reports';
import { formatAge } from '../../format/age';
import { bucketByDate, shortLabel, sumBy } from '../buckets';
import { ColumnChart } from '../charts/ColumnChart';
import { OKABE_ITO, type SeriesStyle } from '../charts/palette';
import { Tiles } from '../Tiles';

const SERIES: readonly SeriesStyle[] = [
  { key: 'queued', label: '排队', color: OKABE_ITO.blue, pattern: 'solid' },
  { key: 'delivered', label: '已上传', color: OKABE_ITO.green, pattern: 'dots' },
  { key: 'parked', label: '被拒收/搁置', color: OKABE_ITO.vermillion, pattern: 'stripes' },
];

/** An hour or more waiting is worth a look (the queue normally drains within minutes). */
const STALE_MS = 3_600_000;

function seconds(ms: number | null): string {
  if (ms === null) return '—';
  return ms < 1000 ? `${Math.round(ms)} 毫秒` : `${(ms / 1000).toFixed(1)} 秒`;
}

/** 上传队列健康: what is waiting or parked, per transaction and per day. */
export function OutboxView({ report }: { report: OutboxHealthReport }) {
  const buckets = bucketByDate(report.daily);
  const age = report.oldestPendingAgeMs;
  return (
    <section data-testid="reports-view-outbox-health" className="reports-view">
      <Tiles
        items={[
          { label: '待上传', value: `${report.pending} 条`, testId: 'reports-outbox-pending' },
          {
            label: '被拒收/搁置（需人工处理）',
            value: `${report.parked} 条`,
            testId: 'reports-outbox-parked',
            alert: report.parked > 0,
          },
          {
            label: '最早待上传已等待',
            value: age === null ? '无' : formatAge(age),
            testId: 'reports-outbox-oldest',
            alert: age !== null && age > STALE_MS,
          },
          {
            label: '本期间已上传',
            value: `${sumBy(report.byInfno, (r) => r.delivered)} 条`,
            testId: 'reports-outbox-delivered',
          },
        ]}
      />
      <ColumnChart
        testId="reports-chart-outbox"
        title={`每日上传（${report.period.from} 至 ${report.period.to}）`}
        summary={`待上传 ${report.pending} 条，被拒收 ${report.parked} 条`}
        unit="条数"
        height={240}
        integer
        series={SERIES}
        formatValue={(v) => String(v)}
        fullLabels={buckets.map((b) => b.label)}
        categories={buckets.map((b) => ({
          label: shortLabel(b.label),
          columns: [
            [{ key: 'queued', value: sumBy(b.rows, (r) => r.queued) }],
            [{ key: 'delivered', value: sumBy(b.rows, (r) => r.delivered) }],
            [{ key: 'parked', value: sumBy(b.rows, (r) => r.parked) }],
          ],
        }))}
      />
      <Table<OutboxInfnoRow>
        data-testid="reports-table"
        size="middle"
        rowKey="infno"
        dataSource={report.byInfno}
        pagination={false}
        onRow={(r) => (r.parked > 0 ? { className: 'reports-row-alert' } : {})}
        columns={[
          { title: '交易', render: (_, r) => `${r.name}（${r.infno}）` },
          { title: '已上传', dataIndex: 'delivered', align: 'right' },
          { title: '待上传', dataIndex: 'pending', align: 'right' },
          {
            title: '被拒收/搁置',
            align: 'right',
            render: (_, r) => (r.parked > 0 ? <strong>！{r.parked}</strong> : '0'),
          },
          { title: '平均上传用时', align: 'right', render: (_, r) => seconds(r.avgDeliveryMs) },
        ]}
      />
    </section>
  );
}
