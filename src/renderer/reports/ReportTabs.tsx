import { Button } from 'antd';
import { useReportsStore } from './report-store';
import { REPORT_TABS } from './report-tabs';

/** The five reports; keys 1–5 (or Alt+1…5) switch between them. */
export function ReportTabs() {
  const tab = useReportsStore((s) => s.tab);
  return (
    <div role="tablist" aria-label="报表" className="work-area-row">
      {REPORT_TABS.map((t, i) => (
        <Button
          key={t.id}
          role="tab"
          aria-selected={t.id === tab}
          data-testid={`reports-tab-${t.id}`}
          type={t.id === tab ? 'primary' : 'default'}
          className="reports-tab"
          onClick={() => useReportsStore.getState().setTab(t.id)}
        >
          <kbd>{i + 1}</kbd> {t.label}
        </Button>
      ))}
    </div>
  );
}
