import { Alert } from 'antd';
import type { RuleFinding } from '../../contract/types';
import { RuleDetails } from '../components/RuleDetails';

function FindingList({ findings }: { findings: RuleFinding[] }) {
  return (
    <ul className="finding-list">
      {findings.map((f) => (
        <li
          key={`${f.ruleId}-${f.code}-${f.message}`}
          data-testid="finding"
          data-rule={f.ruleId}
          data-severity={f.severity}
        >
          <span className="finding-message">{f.message}</span>
          <RuleDetails ruleId={f.ruleId} citation={f.citation} />
        </li>
      ))}
    </ul>
  );
}

/** Every blocking finding in red, every warning in amber, each in words, its rule and citation in a details line. */
export function FindingsBanner({ findings }: { findings: RuleFinding[] }) {
  const blocks = findings.filter((f) => f.severity === 'block');
  const warns = findings.filter((f) => f.severity === 'warn');
  return (
    <>
      {blocks.length > 0 && (
        <div data-testid="findings-block" role="alert">
          <Alert
            type="error"
            showIcon
            className="message-banner"
            title={<span className="message-text">阻断问题 {blocks.length} 项</span>}
            description={<FindingList findings={blocks} />}
          />
        </div>
      )}
      {warns.length > 0 && (
        <div data-testid="findings-warn" role="status">
          <Alert
            type="warning"
            showIcon
            className="message-banner"
            title={<span className="message-text">提醒 {warns.length} 项</span>}
            description={<FindingList findings={warns} />}
          />
        </div>
      )}
    </>
  );
}
