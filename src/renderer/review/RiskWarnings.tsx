import type { RiskWarning } from '../../contract/types-dispense';
import { RuleDetails } from '../components/RuleDetails';

/** Risk signals (R-HISTORY, R-LONGRX): red blocks, amber warnings, each with rule and citation. */
export function RiskWarnings({ warnings }: { warnings: RiskWarning[] }) {
  if (warnings.length === 0) {
    return (
      <div className="ok-text" data-testid="risk-none">
        ✓ 未发现重复购药、超量或重复用药风险
      </div>
    );
  }
  return (
    <ul className="risk-list" data-testid="risk-warnings">
      {warnings.map((w) => (
        <li
          key={`${w.code}-${w.message}`}
          className={w.severity === 'block' ? 'risk-block' : 'risk-warn'}
          data-testid="risk-warning"
          data-severity={w.severity}
          data-rule={w.ruleId}
        >
          <span className="finding-message">{w.message}</span>
          <RuleDetails ruleId={w.ruleId} citation={w.citation} />
        </li>
      ))}
    </ul>
  );
}
