import { transactionName } from '../center/transactions';
import { beijingTime } from '../center/x509';
import type { OutboxItemView, OutboxSendResult } from '../contract/types-outbox';
import { plainCenterError } from '../domain/center/plain-center-error';
import { AppError } from '../domain/errors';
import type { OutboxItemStatus, OutboxRepository } from '../store/outbox-repository';
import type { AuthenticatedSession } from './auth-service';
import type { OutboxWorker } from './outbox-worker';

const STATUS_LABELS: Record<OutboxItemStatus, string> = {
  pending: '等待发送',
  in_flight: '发送中',
  delivered: '已送达',
  parked: '已搁置，需人工处理',
};

const LIST_LIMIT = 200;

/**
 * What the staff can see and do with the upload queue: the items still to deliver (and those
 * parked for a person), "send now", and sending a parked item again after fixing its cause.
 */
export function createOutboxQueueService(deps: {
  repo: OutboxRepository;
  worker: OutboxWorker;
  now?: () => number;
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
        statusLabel: STATUS_LABELS[i.status],
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

  function requeue(session: AuthenticatedSession, id: number): OutboxItemView[] {
    if (session.staff.role === 'cashier') {
      throw new AppError('FORBIDDEN', '只有药师或管理员可以重新发送已搁置的上传');
    }
    deps.repo.requeueParked(id);
    return view('undelivered');
  }

  return { view, sendNow, requeue };
}

export type OutboxQueueService = ReturnType<typeof createOutboxQueueService>;
