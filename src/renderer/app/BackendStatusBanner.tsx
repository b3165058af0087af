import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import type { DesktopBackendStatus } from '../../contract/types-desktop';

const TITLES = {
  restarting: '柜台后台服务正在重新启动',
  fatal: '柜台后台服务已停止',
} as const;

/**
 * Desktop app only (D36): what the shell says about the backend process — restarting after a
 * crash or for a restore, or stopped — in the pharmacist's words; it goes when the backend is
 * ready again. Browser mode has no such process and shows nothing.
 */
export function BackendStatusBanner() {
  const [status, setStatus] = useState<DesktopBackendStatus | null>(null);
  useEffect(() => window.epcDesktop?.onBackendStatus?.(setStatus), []);
  if (!status || status.state === 'ready') return null;
  return (
    <div className="backend-status" data-testid="backend-status" role="alert">
      <Alert
        type={status.state === 'fatal' ? 'error' : 'warning'}
        showIcon
        banner
        title={<span className="backend-status-title">{TITLES[status.state]}</span>}
        description={status.message}
      />
    </div>
  );
}
