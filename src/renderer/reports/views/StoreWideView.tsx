import { Button, Spin, Table } from 'antd';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StoreOnDutyTable } from '../../shift/StoreOnDutyTable';
import { type StoreDayRow, storeDayRows, storeDaySummary } from '../store-day-rows';
import { useStoreWideStore } from '../store-wide-store';

const COLUMNS = [
  { title: '柜台', dataIndex: 'label', width: 110 },
  { title: '医保结算', dataIndex: 'settlements', align: 'right' as const },
  { title: '退费', dataIndex: 'refunds', align: 'right' as const },
  { title: '医疗费总额（净）', dataIndex: 'medfee', align: 'right' as const },
  { title: '统筹基金（净）', dataIndex: 'fund', align: 'right' as const },
  { title: '个人账户（净）', dataIndex: 'acct', align: 'right' as const },
  { title: '个人现金（净）', dataIndex: 'cash', align: 'right' as const },
  { title: '自费零售笔数', dataIndex: 'cashSales', align: 'right' as const },
  { title: '自费零售现金收入', dataIndex: 'cashSalesAmount', align: 'right' as const },
];

function DayReport() {
  const report = useStoreWideStore((s) => s.dayReport);
  const error = useStoreWideStore((s) => s.dayError);
  if (error) return <ErrorAlert error={error} testId="store-day-error" lead="全店结算日报：" />;
  if (!report) return null;
  return (
    <>
      <p className="reports-store-summary" data-testid="store-day-summary">
        {storeDaySummary(report)}（净额 = 结算减退费；金额以门店服务器汇总为准）
      </p>
      <Table<StoreDayRow>
        data-testid="store-day-table"
        size="middle"
        rowKey="key"
        dataSource={storeDayRows(report)}
        pagination={false}
        rowClassName={(r) => (r.counter === null ? 'reports-store-total' : '')}
        onRow={(r) =>
          ({ 'data-testid': 'store-day-row', 'data-counter': r.counter ?? 'store' }) as never
        }
        columns={COLUMNS}
      />
    </>
  );
}

function OnDuty() {
  const view = useStoreWideStore((s) => s.onDuty);
  const error = useStoreWideStore((s) => s.onDutyError);
  if (error) return <ErrorAlert error={error} testId="store-on-duty-error" lead="门店在岗药师：" />;
  if (!view) return null;
  return <StoreOnDutyTable view={view} />;
}

/** 全店 (issue 17): every counter's settlements of one Beijing day, and who is on duty where now. */
export function StoreWideView() {
  const day = useStoreWideStore((s) => s.day);
  const busy = useStoreWideStore((s) => s.busy);
  const loaded = useStoreWideStore((s) => s.dayReport !== null || s.dayError !== null);
  const store = useStoreWideStore.getState;
  return (
    <section data-testid="reports-view-store" className="reports-view">
      <div className="work-area-row">
        <DateField
          testId="store-day"
          ariaLabel="日期"
          prefix="日期"
          size="large"
          className="reports-date"
          value={day}
          onChange={(v) => store().setDay(v)}
        />
        <Button
          size="large"
          data-testid="store-day-refresh"
          loading={busy}
          onClick={() => void store().refresh()}
        >
          刷新（Enter）
        </Button>
      </div>
      <h3 className="reports-subtitle">全店结算日报</h3>
      {busy && !loaded ? <Spin tip="正在读取门店服务器…" /> : null}
      <DayReport />
      <h3 className="reports-subtitle">门店在岗药师（当前）</h3>
      <OnDuty />
    </section>
  );
}
