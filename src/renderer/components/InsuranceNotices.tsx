import { Alert } from 'antd';
import type { InsuranceNotice } from '../../contract/types';
import { RuleDetails } from './RuleDetails';

/**
 * A person's insurance problems in red where the pharmacist first meets them (identification,
 * the downloaded prescription): what it is, what follows, the next step; the rule in a details line.
 */
export function InsuranceNotices({ notices }: { notices: InsuranceNotice[] }) {
  if (notices.length === 0) return null;
  return (
    <div data-testid="insurance-notices" role="alert">
      {notices.map((n) => (
        <div key={n.kind} data-testid="insurance-notice" data-kind={n.kind} data-rule={n.ruleId}>
          <Alert
            type="error"
            showIcon
            className="message-banner insurance-notice"
            title={<span className="message-text">{n.title}</span>}
            description={
              <>
                <div>{n.message}</div>
                <div className="insurance-next-step">下一步：{n.nextStep}</div>
                <RuleDetails ruleId={n.ruleId} />
              </>
            }
          />
        </div>
      ))}
    </div>
  );
}
