import { Alert } from 'antd';
import { useFeedbackStore } from '../stores/feedback-store';
import { ErrorAlert } from './ErrorAlert';

/** The counter's message area: red errors with rule id and citation, amber notices. */
export function ErrorBanner() {
  const error = useFeedbackStore((s) => s.error);
  const notice = useFeedbackStore((s) => s.notice);
  if (error) {
    return <ErrorAlert error={error} testId="error-banner" />;
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
