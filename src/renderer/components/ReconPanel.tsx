import { Button, Input, Table, Tag } from 'antd';
import { useState } from 'react';
import type { ReconDayView, ReconDifference } from '../../contract/types-recon';
import { beijingDate } from '../../domain/calendar';
import { api, isUnauthenticated, toShape } from '../api';
import { formatFen } from '../format/money';
import { useSessionStore } from '../stores/session-store';

const today = () => beijingDate(new Date());

/** 对账 (R-RECON): one day's settlements and uploads against the center's records. */
export function ReconPanel() {
  const [date, setDate] = useState(today());
  const [view, setView] = useState<ReconDayView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setView(await api.call('recon.day', { date }));
    } catch (err) {
      if (isUnauthenticated(err)) useSessionStore.getState().expire(toShape(err).message);
      else setError(toShape(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="recon-panel" aria-label="对账">
      <h3>对账（R-RECON）</h3>
      <div className="recon-controls">
        <Input
          value={date}
          onChange={(e) => setDate(e.target.value)}
          onPressEnter={run}
          aria-label="对账日期"
          className="recon-date"
        />
        <Button onClick={run} loading={busy}>
          对账（Enter）
        </Button>
      </div>
      {error && <p className="recon-error">{error}</p>}
      {view && (
        <>
          <p>
            {view.balanced ? (
              <Tag color="success">账目一致</Tag>
            ) : (
              <Tag color="error">存在差异</Tag>
            )}
            本机 {view.local.settlements} 笔 {formatFen(view.local.medfeeFen)} · 医保中心{' '}
            {view.center.settlements} 笔 {formatFen(view.center.medfeeFen)}
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
