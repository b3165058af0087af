import { Button } from 'antd';
import { ErrorAlert } from '../components/ErrorAlert';
import { isOpen, useNavigation } from '../navigation/navigation-store';
import { RiskCard } from './RiskCard';
import { RISK_QUICK_DAYS } from './risk-period';
import { useRiskStore } from './risk-store';
import './risk.css';
import { DateRangeFields } from '../components/DateRangeFields';

const QUICK_KEY: Record<number, string> = { 7: '7', 30: '8', 90: '9' };

function PeriodBar() {
  const from = useRiskStore((s) => s.from);
  const to = useRiskStore((s) => s.to);
  const quickDays = useRiskStore((s) => s.quickDays);
  const busy = useRiskStore((s) => s.busy);
  const risk = useRiskStore.getState;
  return (
    <div className="work-area-row risk-row">
      <DateRangeFields
        testIdPrefix="risk"
        from={from}
        to={to}
        className="risk-date"
        onChange={(f, t) => risk().setDates(f, t)}
      />
      {RISK_QUICK_DAYS.map((d) => (
        <Button
          key={d}
          size="large"
          type={quickDays === d ? 'primary' : 'default'}
          data-testid={`risk-quick-${d}`}
          onClick={() => void risk().quick(d)}
        >
          近{d}天（Alt+{QUICK_KEY[d]}）
        </Button>
      ))}
      <Button size="large" loading={busy} onClick={() => void risk().load()}>
        重新计算（Enter）
      </Button>
    </div>
  );
}

/** 风险信号 (Alt+I): what an inspector would look for, computed locally (R-RISK). */
export function RiskScreen() {
  const open = useNavigation((s) => isOpen(s, 'risk'));
  const signals = useRiskStore((s) => s.signals);
  const error = useRiskStore((s) => s.error);
  const busy = useRiskStore((s) => s.busy);
  if (!open) return null;
  const triggered = signals.filter((s) => s.triggered).length;
  return (
    <main className="work-area-screen risk-screen" data-testid="risk-screen">
      <header className="work-area-row work-area-row-spread risk-row">
        <h2 className="risk-title">风险信号</h2>
        <span>↑↓ 选择 · Enter 展开明细 · Esc 收起/关闭 · Alt+I 关闭</span>
        <Button size="large" onClick={() => useNavigation.getState().close('risk')}>
          关闭
        </Button>
      </header>
      <PeriodBar />
      {error && <ErrorAlert error={error} testId="risk-error" />}
      {!error && signals.length > 0 && (
        <div data-testid="risk-summary" className="risk-summary">
          {triggered === 0
            ? '本期各项信号均未超过阈值'
            : `本期 ${triggered} 项信号超过阈值，请在检查前逐项核对`}
        </div>
      )}
      {busy && signals.length === 0 && <div>正在计算……</div>}
      <div className="risk-cards" data-testid="risk-cards">
        {signals.map((s, i) => (
          <RiskCard key={s.id} signal={s} index={i} />
        ))}
      </div>
    </main>
  );
}
