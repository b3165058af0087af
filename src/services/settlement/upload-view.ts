import { dateTime } from '../../center/clock';
import { transactionLabel } from '../../center/transactions';
import type { UploadView } from '../../contract/types-settlement';
import { UPLOAD_STATE_LABELS } from '../../domain/lifecycle/state-labels';
import type { UploadState } from '../../domain/lifecycle/states';
import type { SaleUpload } from '../../store/sale-upload-repository';
import type { SettlementContext } from './context';

/** An upload's state is its outbox item's state. */
export function uploadView(
  ctx: SettlementContext,
  u: Pick<SaleUpload, 'infno' | 'msgid'>,
): UploadView {
  const item = ctx.outbox.findByMsgid(u.msgid);
  const state: UploadState = !item
    ? 'waiting'
    : item.status === 'delivered'
      ? 'delivered'
      : item.status === 'parked'
        ? 'parked'
        : 'queued';
  return {
    infno: u.infno,
    label: transactionLabel(u.infno),
    state,
    stateLabel: UPLOAD_STATE_LABELS[state],
    msgid: u.msgid,
    attempts: item?.attempts ?? 0,
    lastError: item?.lastError ?? null,
    deliveredAt: item?.deliveredAt ? dateTime(new Date(item.deliveredAt)) : null,
  };
}
