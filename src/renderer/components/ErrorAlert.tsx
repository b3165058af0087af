import { Alert } from 'antd';
import type { ReactNode } from 'react';
import type { AppErrorShape } from '../../domain/errors';

/**
 * Every screen shows a refusal or failure this one way: the Chinese message, then the rule id
 * and its citation when there is one; `data-code` / `data-rule` let tests and support read them.
 */
export function ErrorAlert({
  error,
  testId,
  lead,
}: {
  error: AppErrorShape;
  testId?: string;
  /** Words before the message naming what failed, e.g. '用药指导读取失败：'. */
  lead?: ReactNode;
}) {
  return (
    <div data-testid={testId} data-code={error.code} data-rule={error.ruleId ?? ''} role="alert">
      <Alert
        type="error"
        showIcon
        className="message-banner"
        title={
          <span className="message-text">
            {lead}
            {error.message}
          </span>
        }
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
