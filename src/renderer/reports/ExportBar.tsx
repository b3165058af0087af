import { Alert, Button } from 'antd';
import type { ReportExportFormat } from '../../contract/types-reports';
import { useSessionStore } from '../stores/session-store';
import { useReportsStore } from './report-store';

const BUTTONS: readonly { format: ReportExportFormat; label: string; key: string }[] = [
  { format: 'csv', label: '导出 CSV', key: 'Alt+X' },
  { format: 'xlsx', label: '导出 Excel', key: 'Alt+E' },
  { format: 'pdf', label: '导出 PDF', key: 'Alt+N' },
];

/**
 * Export of the shown report. The service lets only pharmacists and administrators export, so a
 * cashier sees no buttons; any other refusal also hides them for the rest of the visit.
 */
export function ExportBar() {
  const role = useSessionStore((s) => s.session?.staff.role);
  const forbidden = useReportsStore((s) => s.exportForbidden);
  const exporting = useReportsStore((s) => s.exporting);
  const busy = useReportsStore((s) => s.busy);
  if (role === 'cashier' || forbidden) {
    return <span data-testid="reports-export-hidden">导出报表需药师或管理员登录</span>;
  }
  return (
    <span className="work-area-row">
      {BUTTONS.map((b) => (
        <Button
          key={b.format}
          size="large"
          data-testid={`reports-export-${b.format}`}
          loading={exporting === b.format}
          disabled={busy || (exporting !== null && exporting !== b.format)}
          onClick={() => void useReportsStore.getState().exportAs(b.format)}
        >
          {b.label}（{b.key}）
        </Button>
      ))}
    </span>
  );
}

/** 接入验收自查表 (004 附件5): what the app provides for each acceptance item, as PDF or CSV. */
export function SelfCheckExport() {
  const role = useSessionStore((s) => s.session?.staff.role);
  const running = useReportsStore((s) => s.selfCheckExporting);
  if (role === 'cashier') return null;
  return (
    <span className="work-area-row" data-testid="self-check-export">
      {(['pdf', 'csv'] as const).map((format) => (
        <Button
          key={format}
          data-testid={`self-check-${format}`}
          loading={running === format}
          disabled={running !== null && running !== format}
          onClick={() => void useReportsStore.getState().exportSelfCheck(format)}
        >
          接入验收自查表（{format.toUpperCase()}）
        </Button>
      ))}
    </span>
  );
}

function bytes(n: number): string {
  return n < 1024 ? `${n} 字节` : `${(n / 1024).toFixed(1)} KB`;
}

/** Where the last export went: the browser's download and the copy under the data folder. */
export function ExportNotice() {
  const exported = useReportsStore((s) => s.exported);
  if (!exported) return null;
  return (
    <Alert
      type="success"
      showIcon
      data-testid="reports-exported"
      title={`已导出 ${exported.fileName}（${bytes(exported.bytes)}），已下载，并保存于 ${exported.path}`}
      description={<span className="mono">SM3 {exported.sm3}</span>}
    />
  );
}
