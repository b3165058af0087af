import { Tag, Tooltip } from 'antd';
import type { CenterSignIn } from '../../contract/types';
import { useOutboxStore } from '../outbox/outbox-store';

export function CenterStatus({ center }: { center: CenterSignIn }) {
  const offline = useOutboxStore((s) => s.status?.center.offline === true);
  if (offline) {
    return (
      <span
        data-testid="center-status"
        data-signed-in={center.signNo ? 'true' : 'false'}
        data-offline="true"
      >
        <Tag color="error" variant="solid" className="status-tag">
          医保中心离线
        </Tag>
      </span>
    );
  }
  if (center.signNo) {
    return (
      <Tooltip title={center.signTime ? `签到时间 ${center.signTime}` : undefined}>
        <span data-testid="center-status" data-signed-in="true">
          <Tag color="success" variant="solid" className="status-tag">
            已签到医保中心
          </Tag>
        </span>
      </Tooltip>
    );
  }
  return (
    <span data-testid="center-status" data-signed-in="false">
      <Tag color="warning" variant="solid" className="status-tag status-tag-wrap">
        未签到医保中心：{center.error ?? '原因未知'}
      </Tag>
    </span>
  );
}
