import { transactionName } from '../center/transactions';
import { beijingTime } from '../center/x509';
import type { OutboxItemView, OutboxSendResult } from '../contract/types-outbox';
import { plainCenterError } from '../domain/center/plain-center-error';
import { AppError } from '../domain/errors';
import type { OutboxItem, OutboxItemStatus, OutboxRepository } from '../store/outbox-repository';
import type { AuthenticatedSession } from './auth-service';
import type { OutboxWorker } from './outbox-worker';

const STATUS_LABELS: Record<OutboxItemStatus, string> = {
  pending: '等待发送',
  in_flight: '发送中',
  delivered: '已送达',
  parked: '已搁置，需人工处理',
};

/** A counter of a store: the item is at the store server, whose one deliverer sends it (D43). */
const HANDED_LABEL = '已交门店服务器，等待送达';

const LIST_LIMIT = 200;

/** A counter of a store's outbox (store-outbox/store-outbox.ts). */
export interface StoreOutboxSide {
  /** Whether the store server holds this local item. */
  isHanded(localId: number): boolean;
  /** A parked item sent again at the store server (handed over again if it lacks it). */
  requeue(item: OutboxItem): Promise<void>;
}

/**
 * What the staff can see and do with the upload queue: the items still to deliver (and those
 * parked for a person), "send now", and sending a parked item again after fixing its cause.
 */
export function createOutboxQueueService(deps: {
  repo: OutboxRepository;
  worker: OutboxWorker;
  now?: () => number;
  /** Set for a counter of a store: its items are delivered by the store's one deliverer. */
  store?: StoreOutboxSide | null;
}) {
  const now = deps.now ?? Date.now;

  function view(status: 'undelivered' | 'parked'): OutboxItemView[] {
    const statuses: OutboxItemStatus[] =
      status === 'parked' ? ['parked'] : ['parked', 'pending', 'in_flight'];
    const at = now();
    return deps.repo.list({ status: statuses, limit: LIST_LIMIT }).map((i) => {
      const error = i.lastError === null ? null : plainCenterError(i.lastError);
      return {
        id: i.id,
        infno: i.infno,
        name: transactionName(i.infno),
        msgid: i.msgid,
        status: i.status,
        statusLabel:
          i.status === 'pending' && deps.store?.isHanded(i.id)
            ? HANDED_LABEL
            : STATUS_LABELS[i.status],
        attempts: i.attempts,
        lastError: error?.message ?? null,
        lastErrorDetail: error?.detail ?? null,
        createdAt: beijingTime(new Date(i.createdAt)),
        ageMs: Math.max(0, at - i.createdAt),
      };
    });
  }

  async function sendNow(): Promise<OutboxSendResult> {
    const r = await deps.worker.sendNow();
    return { delivered: r.delivered, retried: r.retried, parked: r.parked };
  }

  async function requeue(session: AuthenticatedSession, id: number): Promise<OutboxItemView[]> {
    if (session.staff.role === 'cashier') {
      throw new AppError('FORBIDDEN', '只有药师或管理员可以重新发送已搁置的上传');
    }
    const item = deps.repo.get(id);
    if (deps.store && item?.status === 'parked') {
      try {
        await deps.store.requeue(item);
      } catch (e) {
        throw new AppError(
          'CONFLICT',
          `门店服务器暂时无法连接，未重新发送（${(e as Error).message}）；请恢复连接后再试`,
        );
      }
    }
    deps.repo.requeueParked(id);
    return view('undelivered');
  }

  return { view, sendNow, requeue };
}

export type OutboxQueueService = ReturnType<typeof createOutboxQueueService>;
