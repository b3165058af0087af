import { Button } from 'antd';
import { useEffect } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { DAY_SUMMARY_KEY } from '../keyboard/function-keys';
import { isOpen, useNavigation } from '../navigation/navigation-store';
import { useDaySummaryStore } from '../shift/day-summary-store';
import { ExportBar, ExportNotice, SelfCheckExport } from './ExportBar';
import { PeriodBar } from './PeriodBar';
import { ReportTabs } from './ReportTabs';
import { ReportView } from './ReportView';
import { useReportsStore } from './report-store';
import { useStoreWideStore } from './store-wide-store';
import './reports.css';

function Problem() {
  const error = useReportsStore((s) => s.error);
  return error ? <ErrorAlert error={error} testId="reports-error" /> : null;
}

/** 报表 (Alt+B): the manager's reports with charts and export (R-CATALOG, R-PRICE-PUB, R-RECON). */
export function ReportsScreen() {
  const open = useNavigation((s) => isOpen(s, 'reports'));
  // The 全店 tab has its own day and no export (its figures are the store server's, read live).
  const storeTab = useReportsStore((s) => s.tab === 'store');
  const storeMode = useStoreWideStore((s) => s.mode === 'counter');
  useEffect(() => {
    if (!open) return;
    void useReportsStore.getState().refresh();
    // Take the caret out of the counter's field beneath, so digits switch tabs instead of typing there.
    document
      .querySelector<HTMLElement>('[data-testid="reports-screen"] [aria-selected="true"]')
      ?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <main className="work-area-screen reports-screen" data-testid="reports-screen">
      <header className="work-area-row">
        <h2 className="reports-title">报表</h2>
        <span>
          {storeMode ? '1–6' : '1–5'} 切换报表 · Alt+Q 快捷期间 · Enter 刷新 · Esc / Alt+B 关闭
        </span>
        <Button
          data-testid="reports-day-summary"
          onClick={() => void useDaySummaryStore.getState().open('view')}
        >
          日结汇总 <kbd>{DAY_SUMMARY_KEY}</kbd>
        </Button>
        <SelfCheckExport />
        <Button onClick={() => useNavigation.getState().close('reports')}>关闭</Button>
      </header>
      <ReportTabs />
      {!storeTab && (
        <div className="work-area-row work-area-row-spread">
          <PeriodBar />
          <ExportBar />
        </div>
      )}
      <Problem />
      <ExportNotice />
      <ReportView />
    </main>
  );
}
