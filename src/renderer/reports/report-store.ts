import { create } from 'zustand';
import type {
  Report,
  ReportExportFormat,
  ReportExportResult,
  ReportPeriod,
} from '../../contract/types-reports';
import { beijingDate } from '../../domain/calendar';
import type { AppErrorShape } from '../../domain/errors';
import { api, isUnauthenticated, toShape } from '../api';
import { onPageChange } from '../navigation/navigation-store';
import { useSessionStore } from '../stores/session-store';
import { downloadFile } from './download';
import { type PeriodPreset, periodProblem, presetPeriod } from './period';
import type { ReportTab } from './report-tabs';
import { useStoreWideStore } from './store-wide-store';

export type ExportedFile = Omit<ReportExportResult, 'base64'> & { format: ReportExportFormat };

interface ReportsState {
  tab: ReportTab;
  period: ReportPeriod;
  /** The quick choice the period came from; null once a date is typed. */
  preset: PeriodPreset | null;
  /** The shown report, and the tab and period it was asked for. */
  report: Report | null;
  shownFor: string | null;
  busy: boolean;
  exporting: ReportExportFormat | null;
  error: AppErrorShape | null;
  exported: ExportedFile | null;
  /** The service refused this staff member an export: the buttons go away. */
  exportForbidden: boolean;
  setTab(tab: ReportTab): void;
  setPeriod(period: ReportPeriod): void;
  applyPreset(preset: PeriodPreset): void;
  refresh(): Promise<void>;
  exportAs(format: ReportExportFormat): Promise<void>;
  /** 接入验收自查表 (ST-EPC-02-001…013) as an A4 PDF or CSV. */
  exportSelfCheck(format: 'pdf' | 'csv'): Promise<void>;
  /** Which self-check export is running. */
  selfCheckExporting: 'pdf' | 'csv' | null;
}

const keyOf = (tab: ReportTab, p: ReportPeriod) => `${tab}|${p.from}|${p.to}`;

function failed(err: unknown): AppErrorShape {
  if (isUnauthenticated(err)) useSessionStore.getState().expire(toShape(err).message);
  return toShape(err);
}

/** The reports screen (Alt+B 报表): one report at a time over a period, with export. */
export const useReportsStore = create<ReportsState>((set, get) => ({
  tab: 'settlements-daily',
  period: presetPeriod('last7', beijingDate(new Date())),
  preset: 'last7',
  report: null,
  shownFor: null,
  busy: false,
  exporting: null,
  error: null,
  exported: null,
  exportForbidden: false,
  selfCheckExporting: null,
  setTab(tab) {
    if (tab === get().tab) return;
    set({ tab, report: null, shownFor: null, exported: null, error: null });
    void get().refresh();
  },
  setPeriod: (period) => set({ period, preset: null }),
  applyPreset(preset) {
    set({ period: presetPeriod(preset, beijingDate(new Date())), preset });
    void get().refresh();
  },
  async refresh() {
    const { tab, period } = get();
    if (tab === 'store') return useStoreWideStore.getState().refresh();
    const problem = periodProblem(period);
    if (problem) {
      set({ error: { code: 'VALIDATION', message: problem } });
      return;
    }
    const key = keyOf(tab, period);
    set({ busy: true, error: null, exported: null });
    try {
      const report = await api.call('reports.get', { report: tab, ...period });
      // A slower answer for a tab or period the user has since left is dropped.
      if (keyOf(get().tab, get().period) === key) set({ report, shownFor: key, busy: false });
    } catch (err) {
      set({ busy: false, error: failed(err) });
    }
  },
  async exportAs(format) {
    const { tab, period } = get();
    // The store tab has no export: its figures are the store server's, read live.
    if (tab === 'store') return;
    const problem = periodProblem(period);
    if (problem) {
      set({ error: { code: 'VALIDATION', message: problem } });
      return;
    }
    set({ exporting: format, error: null, exported: null });
    try {
      const file = await api.call('reports.export', { report: tab, ...period, format });
      downloadFile(file.fileName, file.mime, file.base64);
      const { base64: _omit, ...shown } = file;
      set({ exporting: null, exported: { ...shown, format } });
    } catch (err) {
      const shape = failed(err);
      set({ exporting: null, error: shape, exportForbidden: shape.code === 'FORBIDDEN' });
    }
  },
  async exportSelfCheck(format) {
    set({ selfCheckExporting: format, error: null, exported: null });
    try {
      const file = await api.call('reports.acceptanceSelfCheck', { format });
      downloadFile(file.fileName, file.mime, file.base64);
      const { base64: _omit, ...shown } = file;
      set({ selfCheckExporting: null, exported: { ...shown, format } });
    } catch (err) {
      set({ selfCheckExporting: null, error: failed(err) });
    }
  },
}));

onPageChange('reports', {
  opened: () => useReportsStore.setState({ error: null, exported: null }),
  closed: () => useReportsStore.setState({ report: null, shownFor: null, exportForbidden: false }),
});
