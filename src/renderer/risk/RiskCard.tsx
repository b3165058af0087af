import { Tag } from 'antd';
import type { RiskSignal } from '../../contract/types-risk';
import { RiskDrillTable } from './RiskDrillTable';
import { useRiskStore } from './risk-store';
import { CARD, CARD_TITLE, MEASURE, MUTED, SELECTED, SEVERITY } from './risk-styles';

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
      style={{
        ...CARD,
        borderLeftColor: sev.color,
        background: sev.background,
        ...(selected ? SELECTED : {}),
      }}
    >
      <div style={{ display: 'flex', gap: 10, alignItems: 'center', flexWrap: 'wrap' }}>
        <Tag color={sev.color} style={{ fontSize: 16, padding: '2px 8px' }}>
          {sev.label}
        </Tag>
        <span style={CARD_TITLE}>{signal.title}</span>
        <span style={MUTED}>【{[signal.ruleId, ...signal.relatedRuleIds].join('】【')}】</span>
      </div>
      <div style={MEASURE} data-testid="risk-measure">
        {signal.measure}
      </div>
      <div style={MUTED}>阈值：{signal.threshold}</div>
      <div style={MUTED}>{signal.explanation}</div>
      {expanded && <RiskDrillTable drill={signal.drill} />}
    </section>
  );
}
