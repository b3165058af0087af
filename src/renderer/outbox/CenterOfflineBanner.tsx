import { Alert } from 'antd';
import { formatAge } from '../format/age';
import { useOutboxStore } from './outbox-store';

/**
 * 医保中心离线 (issue 19 item 12): shown while the center does not answer (repeated refused
 * connections, timeouts or gateway failures), saying what still works; it goes when the center
 * answers again. The outbox chip's poll keeps it current.
 */
export function CenterOfflineBanner() {
  const center = useOutboxStore((s) => s.status?.center ?? null);
  if (!center?.offline) return null;
  const since =
    center.failingForMs === null || center.failingForMs < 60_000
      ? ''
      : `（已持续 ${formatAge(center.failingForMs)}）`;
  return (
    <div className="center-offline" data-testid="center-offline" role="alert">
      <Alert
        type="error"
        showIcon
        banner
        title={
          <span className="center-offline-title">
            医保中心离线{since}：暂不能下载电子处方、医保预结算、结算和退费
          </span>
        }
        description={
          <span>
            仍可使用：审方（已下载的处方）、调剂发药、自费零售、纸质处方归档；上传请求离线排队，医保中心恢复应答后自动上传，本提示随之消失。
            {center.lastFailure && (
              <small className="center-offline-detail">详情：{center.lastFailure}</small>
            )}
          </span>
        }
      />
    </div>
  );
}
