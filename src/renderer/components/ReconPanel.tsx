import { Button, Input, Table, Tag } from 'antd';
import { useState } from 'react';
import type {
  ReconDifference,
  ReconExportResult,
  ReconPeriodView,
} from '../../contract/types-recon';
import { beijingDate } from '../../domain/calendar';
import { api, isUnauthenticated, toShape } from '../api';
import { formatFen } from '../format/money';
import { useSessionStore } from '../stores/session-store';

const today = () => beijingDate(new Date());

/** The browser's download of an exported file (the file is also saved on this machine). */
function download(r: ReconExportResult): void {
  const bytes = Uint8Array.from(atob(r.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: r.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = r.fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * 对账 (R-RECON): a period's settlements and uploads against the center's (3201 totals, 3202
 * settlement by settlement), and the per-prescription CSV export.
 */
export function ReconPanel() {
  const [from, setFrom] = useState(today());
  const [to, setTo] = useState(today());
  const [view, setView] = useState<ReconPeriodView | null>(null);
  const [exported, setExported] = useState<ReconExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const attempt = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      if (isUnauthenticated(err)) useSessionStore.getState().expire(toShape(err).message);
      else setError(toShape(err).message);
    } finally {
      setBusy(false);
    }
  };
  const run = () =>
    attempt(async () => {
      setView(await api.call('recon.period', { from, to }));
    });
  const exportCsv = () =>
    attempt(async () => {
      const r = await api.call('recon.export', { from, to });
      setExported(r);
      download(r);
    });

  return (
    <section className="recon-panel" aria-label="对账">
      <h3>对账</h3>
      <div className="recon-controls">
        <Input
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          onPressEnter={run}
          aria-label="对账开始日期"
          className="recon-date"
        />
        至
        <Input
          value={to}
          onChange={(e) => setTo(e.target.value)}
          onPressEnter={run}
          aria-label="对账结束日期"
          className="recon-date"
        />
        <Button onClick={run} loading={busy}>
          对账（Enter）
        </Button>
        <Button onClick={exportCsv} loading={busy} data-testid="recon-export">
          导出逐处方明细 CSV
        </Button>
      </div>
      {error && <p className="recon-error">{error}</p>}
      {exported && (
        <p data-testid="recon-exported">
          已导出 {exported.rows} 行：{exported.path}（SM3 <code>{exported.sm3}</code>）
        </p>
      )}
      {view && (
        <>
          <p>
            {view.balanced ? (
              <Tag color="success">账目一致</Tag>
            ) : (
              <Tag color="error">存在差异</Tag>
            )}
            本机 {view.local.settlements} 笔 {formatFen(view.local.medfeeFen)} · 医保中心{' '}
            {view.center.settlements} 笔 {formatFen(view.center.medfeeFen)} · 对总账（3201）：
            {view.totalsBalanced ? '对平' : `不平（${view.totalsText}）`}
          </p>
          <Table<ReconDifference>
            size="small"
            rowKey={(d) => `${d.kind}-${d.setlId ?? ''}-${d.msgid ?? ''}-${d.hiRxno ?? ''}`}
            dataSource={view.differences}
            pagination={false}
            locale={{ emptyText: '没有差异' }}
            columns={[
              { title: '差异', render: (_, d) => d.kindLabel },
              { title: '结算ID', render: (_, d) => d.setlId ?? '' },
              { title: '处方', render: (_, d) => d.hiRxno ?? '' },
              { title: '说明', render: (_, d) => d.message },
            ]}
          />
        </>
      )}
    </section>
  );
}
