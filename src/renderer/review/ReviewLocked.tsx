import { Alert } from 'antd';

/** Why this user cannot review now, with the rule (R-PHARMACIST for a cashier or no one on duty). */
export function ReviewLocked({ reason, ruleId }: { reason: string; ruleId: string }) {
  return (
    <div data-testid="review-locked" data-rule={ruleId} role="alert">
      <Alert
        type="error"
        showIcon
        className="message-banner"
        title={<span className="message-text">{reason}</span>}
        description={
          <span>
            规则 <strong>{ruleId}</strong>：审方须由在岗并经本人医保电子凭证核验身份的执业药师进行
          </span>
        }
      />
    </div>
  );
}
