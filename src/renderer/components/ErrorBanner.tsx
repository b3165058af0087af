import { Alert } from 'antd';
import { useFeedbackStore } from '../stores/feedback-store';

/** The counter's message area: red errors with rule id and citation, amber notices. */
export function ErrorBanner() {
  const error = useFeedbackStore((s) => s.error);
  const notice = useFeedbackStore((s) => s.notice);
  if (error) {
    return (
      <div
        data-testid="error-banner"
        data-code={error.code}
        data-rule={error.ruleId ?? ''}
        role="alert"
      >
        <Alert
          type="error"
          showIcon
          className="message-banner"
          title={<span className="message-text">{error.message}</span>}
          description={
            error.ruleId ? (
              <span>
                规则 <strong>{error.ruleId}</strong>
                {error.citation ? `：${error.citation}` : ''}
              </span>
            ) : undefined
          }
        />
      </div>
    );
  }
  if (notice) {
    return (
      <div data-testid="scan-notice" role="status">
        <Alert
          type="warning"
          showIcon
          className="message-banner"
          title={<span className="message-text">{notice}</span>}
        />
      </div>
    );
  }
  return null;
}
