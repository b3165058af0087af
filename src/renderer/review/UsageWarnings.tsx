import { Alert } from 'antd';
import type { ReviewStart } from '../../contract/types-review';
import { RuleDetails } from '../components/RuleDetails';

/** The over-supply warnings (R-CHECKS) with their dose × frequency × days computation, at review. */
export function UsageWarnings({ start }: { start: ReviewStart }) {
  const warnings = start.findings.filter((f) => f.code === 'QUANTITY_OVER_USAGE');
  if (warnings.length === 0) return null;
  return (
    <div data-testid="review-usage-warnings" role="status">
      <Alert
        type="warning"
        showIcon
        className="message-banner"
        title={<span className="message-text">用量核对：处方数量超过用法用量所需</span>}
        description={
          <ul className="finding-list">
            {warnings.map((f) => (
              <li key={f.message} data-testid="usage-warning" data-rule={f.ruleId}>
                <span className="finding-message">{f.message}</span>
              </li>
            ))}
            <li>
              <RuleDetails ruleId="R-CHECKS" />
            </li>
          </ul>
        }
      />
    </div>
  );
}
