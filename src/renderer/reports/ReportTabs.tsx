import { Button } from 'antd';
import { useReportsStore } from './report-store';
import { tabsFor } from './report-tabs';
import { useStoreWideStore } from './store-wide-store';

/** The reports (and, at a counter of a store, 全店); keys 1–6 (or Alt+1…6) switch between them. */
export function ReportTabs() {
  const tab = useReportsStore((s) => s.tab);
  const storeMode = useStoreWideStore((s) => s.mode === 'counter');
  return (
    <div role="tablist" aria-label="报表" className="work-area-row">
      {tabsFor(storeMode).map((t, i) => (
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
