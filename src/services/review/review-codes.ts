import { RX_CHK_STATUS } from '../../center/rx/fsi-7206';
import type { ReviewResult, ReviewUploadState } from '../../contract/types-review';
import type { OutboxItemStatus } from '../../store/outbox-repository';

export const RESULT_LABELS: Record<ReviewResult, string> = {
  pass: RX_CHK_STATUS.pass.name,
  reject: RX_CHK_STATUS.reject.name,
};

export const UPLOAD_LABELS: Record<ReviewUploadState, string> = {
  queued: '待上传医保中心',
  delivered: '已上传医保中心',
  parked: '医保中心拒收，待处理',
};

export function uploadStateOf(status: OutboxItemStatus | undefined): ReviewUploadState {
  if (status === 'delivered') return 'delivered';
  if (status === 'parked') return 'parked';
  return 'queued';
}
