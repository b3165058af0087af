import { Alert, Tag } from 'antd';
import type { DispensingView } from '../../contract/types-dispense';
import { STAY_HANDOVER_STATE_LABELS } from '../../domain/lifecycle/state-labels';
import { maskName } from '../../domain/mask';
import { ErrorBanner } from '../components/ErrorBanner';
import { CancelHeldDialog } from '../held/CancelHeldDialog';
import { STAY_KEY } from '../keyboard/function-keys';
import { EstimatePanel } from '../settle/EstimatePanel';
import { SettlementPanel } from '../settle/SettlementPanel';
import { StayDialog } from '../stay/StayDialog';
import { StayPanel } from '../stay/StayPanel';
import { DispenseActions } from './DispenseActions';
import { DispenseLines } from './DispenseLines';
import { useDispenseStore } from './dispense-store';
import { GuidanceSheet } from './GuidanceSheet';
import { ScanVerdictBanner } from './ScanVerdictBanner';

const STATE_LABELS = {
  open: '调剂中',
  completed: '已完成调剂',
  cancelled: '已取消',
  returned: '已退费退货',
} as const;

function DispenseHeader({ view }: { view: DispensingView }) {
  return (
    <header className="rx-header">
      <div className="rx-header-title">
        <h2 className="section-title">调剂发药</h2>
        {view.paper ? (
          <span className="paper-rx-badge" data-testid="dispense-paper-badge">
            <Tag color="orange" className="status-tag">
              纸质处方
            </Tag>
            {view.paper.institutionName} · 编号 <span className="mono">{view.paper.serialNo}</span>
          </span>
        ) : (
          <span className="mono rx-no">{view.hiRxno}</span>
        )}
        <Tag
          color={
            view.state === 'completed' ? 'success' : view.state === 'open' ? 'blue' : 'default'
          }
          className="status-tag"
          data-testid="dispense-state"
        >
          {view.withStay ? STAY_HANDOVER_STATE_LABELS.handed_over : STATE_LABELS[view.state]}
        </Tag>
        <span className="dispense-patient" data-testid="dispense-patient">
          {maskName(view.patient.name)} <span className="mono">{view.patient.certnoMasked}</span>
        </span>
      </div>
      <DispenseActions view={view} />
    </header>
  );
}

function Blockers({ blockers }: { blockers: string[] }) {
  if (blockers.length === 0) return null;
  return (
    <ul className="dispense-blockers" data-testid="dispense-blockers">
      {blockers.map((b) => (
        <li key={b}>{b}</li>
      ))}
    </ul>
  );
}

/** After a passed review: one scan per pack (R-TRACE, R-TRACE-ONCE, R-NOSWAP), settlement (R-SETTLE), guidance (R-GUIDE). */
export function DispenseScreen() {
  const view = useDispenseStore((s) => s.view);
  const verdict = useDispenseStore((s) => s.verdict);
  if (!view) return null;
  const open = view.state === 'open';
  return (
    <main
      className="prescription dispense"
      data-testid="dispense-screen"
      data-state={view.state}
      data-ready={view.readyToComplete}
      data-dispensing-id={view.dispensingId}
      data-hi-rxno={view.hiRxno ?? undefined}
      data-source={view.source}
    >
      <DispenseHeader view={view} />
      <ErrorBanner />
      {open && <ScanVerdictBanner verdict={verdict} />}
      <DispenseLines lines={view.lines} editable={open} />
      {open && <Blockers blockers={view.blockers} />}
      {open && view.source === 'electronic' && <EstimatePanel dispensingId={view.dispensingId} />}
      {view.state === 'completed' && view.withStay && (
        <StayPanel dispensingId={view.dispensingId} />
      )}
      {view.state === 'completed' && !view.withStay && view.settlesWithStay && (
        <Alert
          type="info"
          showIcon
          data-testid="stay-hint"
          title={`该处方为住院期间开具的“双通道”外配处方，费用与住院费用合并结算（由医院结算），本店不结算：请按 ${STAY_KEY} 登记随住院结算，并打印材料交患者带回医院`}
        />
      )}
      {view.state === 'completed' && !view.withStay && !view.settlesWithStay && (
        <SettlementPanel dispensingId={view.dispensingId} />
      )}
      {view.state === 'completed' && <GuidanceSheet />}
      {view.state === 'completed' && !view.withStay && <CancelHeldDialog view={view} />}
      {view.state === 'completed' && !view.withStay && view.settlesWithStay && (
        <StayDialog view={view} />
      )}
    </main>
  );
}
