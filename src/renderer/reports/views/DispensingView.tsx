import { Segmented, Table } from 'antd';
import { useState } from 'react';
import type { DispensingByDrugReport, DrugDispensingRow } from '../../../contract/types-reports';
import { formatFen } from '../../format/money';
import { HBarChart } from '../charts/HBarChart';
import { OKABE_ITO } from '../charts/palette';
import { fenToYuan } from '../charts/tick-format';
import { Tiles } from '../Tiles';

type Metric = 'packs' | 'amount';
const TOP = 15;

/** 药品调剂: the most dispensed drugs by packs or amount, and the full list. */
export function DispensingView({ report }: { report: DispensingByDrugReport }) {
  const [metric, setMetric] = useState<Metric>('packs');
  const t = report.totals;
  const byPacks = metric === 'packs';
  return (
    <section data-testid="reports-view-dispensing-by-drug" className="reports-view">
      <Tiles
        items={[
          {
            label: '调剂处方数',
            value: String(t.prescriptions),
            testId: 'reports-total-prescriptions',
          },
          { label: '发药盒数', value: String(t.packs), testId: 'reports-total-packs' },
          { label: '金额', value: formatFen(t.amountFen) },
          { label: '药品品种', value: String(report.rows.length) },
        ]}
      />
      <Segmented<Metric>
        size="large"
        value={metric}
        onChange={setMetric}
        options={[
          { value: 'packs', label: '按盒数排名' },
          { value: 'amount', label: '按金额排名' },
        ]}
      />
      <HBarChart
        testId="reports-chart-dispensing"
        title={`调剂量前 ${TOP} 的药品（${byPacks ? '盒数' : '金额'}，${report.period.from} 至 ${report.period.to}）`}
        summary={`共 ${report.rows.length} 个品种、${t.packs} 盒、${formatFen(t.amountFen)}`}
        limit={TOP}
        integer={byPacks}
        series={{
          key: metric,
          label: byPacks ? '盒数' : '金额',
          color: byPacks ? OKABE_ITO.blue : OKABE_ITO.orange,
          pattern: byPacks ? 'solid' : 'stripes',
        }}
        formatValue={byPacks ? (v) => `${v} 盒` : (v) => formatFen(Math.round(v * 100))}
        items={report.rows.map((r) => ({
          key: r.medListCodg,
          label: `${r.genname} ${r.spec}`,
          value: byPacks ? r.packs : fenToYuan(r.amountFen),
        }))}
      />
      <Table<DrugDispensingRow>
        data-testid="reports-table"
        size="middle"
        rowKey="medListCodg"
        dataSource={report.rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '药品', render: (_, r) => `${r.genname} ${r.spec}` },
          { title: '医保编码', dataIndex: 'medListCodg', className: 'mono' },
          { title: '处方数', dataIndex: 'prescriptions', align: 'right' },
          { title: '其中纸质', dataIndex: 'paperPrescriptions', align: 'right' },
          { title: '盒数', align: 'right', render: (_, r) => `${r.packs} ${r.packUnit}` },
          { title: '金额', align: 'right', render: (_, r) => formatFen(r.amountFen) },
        ]}
      />
    </section>
  );
}
