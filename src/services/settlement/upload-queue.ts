import type { FsiCall } from '../../center/fsi-client';
import type { SaleUploadOwner } from '../../store/sale-upload-repository';
import type { SettlementContext } from './context';

/**
 * Freezes a request and queues it in the outbox, linked to its sale. Call inside the caller's
 * transaction, with the local change the upload reports (both commit, or neither).
 */
export function enqueueUpload(
  ctx: SettlementContext,
  owner: SaleUploadOwner,
  call: FsiCall,
  orderingKey: string | null,
  at: number,
): string {
  const req = ctx.fsi.buildRequest(call);
  ctx.outbox.enqueue({
    msgid: req.msgid,
    channel: 'fsi',
    infno: req.infno,
    body: JSON.stringify(req),
    orderingKey,
  });
  ctx.uploads.add(owner, req.infno, req.msgid, at);
  return req.msgid;
}
