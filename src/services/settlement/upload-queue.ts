import type { FsiCall } from '../../center/fsi-client';
import type { OrderingSubject, QueuedInfno } from '../../center/transactions';
import type { SaleUploadOwner } from '../../store/sale-upload-repository';
import { enqueueTransaction } from '../outbox-enqueue';
import type { SettlementContext } from './context';

/**
 * Freezes a request and queues it in the outbox, linked to its sale. Call inside the caller's
 * transaction, with the local change the upload reports (both commit, or neither).
 */
export function enqueueUpload<K extends QueuedInfno>(
  ctx: SettlementContext,
  owner: SaleUploadOwner,
  call: FsiCall<K>,
  orderedBy: OrderingSubject<K>,
  at: number,
): string {
  const req = ctx.fsi.buildRequest(call);
  enqueueTransaction(ctx.outbox, req, orderedBy);
  ctx.uploads.add(owner, req.infno, req.msgid, at);
  return req.msgid;
}
