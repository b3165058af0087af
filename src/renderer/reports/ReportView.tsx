import { Spin } from 'antd';
import type { Report } from '../../contract/types-reports';
import { useReportsStore } from './report-store';
import { CatalogView } from './views/CatalogView';
import { DispensingView } from './views/DispensingView';
import { OutboxView } from './views/OutboxView';
import { PricesView } from './views/PricesView';
import { SettlementsView } from './views/SettlementsView';
import { StoreWideView } from './views/StoreWideView';

function ViewOf({ report }: { report: Report }) {
  switch (report.kind) {
    case 'settlements-daily':
      return <SettlementsView report={report} />;
    case 'dispensing-by-drug':
      return <DispensingView report={report} />;
    case 'catalog-coverage':
      return <CatalogView report={report} />;
    case 'outbox-health':
      return <OutboxView report={report} />;
    case 'flowed-prices':
      return <PricesView report={report} />;
  }
}

/** The shown report (only when it belongs to the selected tab). */
export function ReportView() {
  const report = useReportsStore((s) => s.report);
  const tab = useReportsStore((s) => s.tab);
  const busy = useReportsStore((s) => s.busy);
  if (tab === 'store') return <StoreWideView />;
  if (report?.kind === tab) return <ViewOf report={report} />;
  return busy ? <Spin size="large" tip="正在统计…" /> : null;
}
