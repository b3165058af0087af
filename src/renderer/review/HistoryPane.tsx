import { Spin, Tag } from 'antd';
import type { HistoryView } from '../../contract/types-dispense';
import { ErrorAlert } from '../components/ErrorAlert';
import { HistoryTable } from './HistoryTable';
import { useHistoryStore } from './history-store';
import { RiskWarnings } from './RiskWarnings';

const CENTER_COLOR = { answered: 'success', unreachable: 'warning', refused: 'error' } as const;

function CenterAnswer({ center }: { center: HistoryView['center'] }) {
  return (
    <div className="history-center" data-testid="history-center" data-state={center.state}>
      <Tag color={CENTER_COLOR[center.state]} className="status-tag">
        {center.state === 'answered' ? `医保中心已回复（${center.count} 条）` : '医保中心未回复'}
      </Tag>
      <span>{center.message}</span>
    </div>
  );
}

/** R-HISTORY beside the review: earlier dispensings and the risk warnings. */
export function HistoryPane() {
  const view = useHistoryStore((s) => s.view);
  const loading = useHistoryStore((s) => s.loading);
  const error = useHistoryStore((s) => s.error);
  return (
    <section
      className="rx-pane history-pane"
      data-testid="history-pane"
      aria-label="用药历史与风险"
    >
      <h3 className="pane-title">用药历史与风险</h3>
      {loading && (
        <div className="loading">
          <Spin /> 正在查询本店与医保中心的购药记录…
        </div>
      )}
      {error && <ErrorAlert error={error} testId="history-error" />}
      {view && (
        <>
          <RiskWarnings warnings={view.warnings} />
          <CenterAnswer center={view.center} />
          <HistoryTable entries={view.entries} />
        </>
      )}
    </section>
  );
}
