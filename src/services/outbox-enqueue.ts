import type { FsiRequest } from '../center/fsi-client';
import {
  type OrderingSubject,
  orderingKeyOf,
  type QueuedInfno,
  TRANSACTIONS,
  transactionLabel,
} from '../center/transactions';
import { AppError } from '../domain/errors';
import type { OutboxItem, OutboxRepository } from '../store/outbox-repository';

/**
 * Queues a frozen request of a queued transaction, its body checked against the transaction's
 * input schema and its ordering key made by the catalogue. Call inside the transaction of the
 * local change it reports: a body that does not fit throws, so neither is stored.
 */
export function enqueueTransaction<K extends QueuedInfno>(
  outbox: OutboxRepository,
  request: FsiRequest & { readonly infno: K },
  subject: OrderingSubject<K>,
): OutboxItem {
  const checked = TRANSACTIONS[request.infno].input.safeParse(request.input);
  if (!checked.success) {
    const where = checked.error.issues[0]?.path.join('.') || '（根节点）';
    throw new AppError(
      'INTERNAL',
      `${transactionLabel(request.infno)}的报文不符合约定（${where}），未排队上传`,
    );
  }
  return outbox.enqueue({
    msgid: request.msgid,
    channel: 'fsi',
    infno: request.infno,
    body: JSON.stringify(request),
    orderingKey: orderingKeyOf(request.infno, subject),
  });
}
