import { Tag } from 'antd';
import type { RiskSignal } from '../../contract/types-risk';
import { RuleDetails } from '../components/RuleDetails';
import { RiskDrillTable } from './RiskDrillTable';
import { SEVERITY } from './risk-severity';
import { useRiskStore } from './risk-store';

/** One signal: severity, rule ids, what was measured against which threshold, and why. */
export function RiskCard({ signal, index }: { signal: RiskSignal; index: number }) {
  const selected = useRiskStore((s) => s.selected === index);
  const expanded = useRiskStore((s) => s.expanded === signal.id);
  const sev = SEVERITY[signal.severity];
  const select = () => {
    useRiskStore.setState({ selected: index });
    useRiskStore.getState().toggleExpanded();
  };
  return (
    // The screen's ↑↓ and Enter select and expand a card (risk-key-handler); a click is the mouse's way.
    // biome-ignore lint/a11y/noStaticElementInteractions: see above, the keys are the screen's
    // biome-ignore lint/a11y/useKeyWithClickEvents: see above, the keys are the screen's
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: aria-expanded tells a screen reader the drill-down is shown
    <section
      data-testid={`risk-card-${signal.id}`}
      data-severity={signal.severity}
      data-selected={selected}
      aria-expanded={expanded}
      onClick={select}
      className="risk-card"
    >
      <div className="risk-card-head">
        <Tag color={sev.tagColor} className="risk-severity-tag">
          {sev.label}
        </Tag>
        <span className="risk-card-title">{signal.title}</span>
      </div>
      <div className="risk-measure" data-testid="risk-measure">
        {signal.measure}
      </div>
      <div className="risk-muted">阈值：{signal.threshold}</div>
      <div className="risk-muted">{signal.explanation}</div>
      <RuleDetails ruleId={[signal.ruleId, ...signal.relatedRuleIds].join('、')} />
      {expanded && <RiskDrillTable drill={signal.drill} />}
    </section>
  );
}
