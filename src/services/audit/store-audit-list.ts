import type { StoreAuditListView } from '../../contract/types-audit';
import { actionLabel } from '../../domain/audit/audit-actions';
import { OUTCOME_LABELS } from '../../domain/audit/audit-entry';
import { AppError } from '../../domain/errors';
import { type StoreClient, StoreRequestError } from '../../store-link/store-client';
import type { Logger } from '../logger';

export const SINGLE_COUNTER_AUDIT =
  '单柜台模式：没有门店服务器，门店审计日志即本机的审计日志（系统“审计日志”）';
export const STORE_UNREACHABLE_AUDIT =
  '门店服务器无法连接，暂不能读取门店审计日志；本柜台的审计日志仍可查看';

export interface StoreAuditListQuery {
  from: string;
  to: string;
  counterId?: string | undefined;
  action?: string | undefined;
  page: number;
  pageSize: number;
}

/** The store-wide audit trail (issue 17, R-KEEP): every counter's entries, as the store keeps them. */
export async function storeAuditList(
  link: StoreClient | null,
  log: Logger,
  q: StoreAuditListQuery,
): Promise<StoreAuditListView> {
  if (!link) throw new AppError('CONFLICT', SINGLE_COUNTER_AUDIT);
  if (q.to < q.from) throw new AppError('VALIDATION', '结束日期不能早于开始日期');
  try {
    const answer = await link.call('audit.query', {
      from: q.from,
      to: q.to,
      counterId: q.counterId ?? null,
      action: q.action ?? null,
      offset: (q.page - 1) * q.pageSize,
      limit: q.pageSize,
    });
    return {
      total: answer.total,
      page: q.page,
      pageSize: q.pageSize,
      entries: answer.entries.map((e) => ({
        counterId: e.counterId,
        seq: e.seq,
        at: new Date(e.at).toISOString(),
        staffId: e.staffId,
        username: e.username,
        action: e.action,
        actionLabel: actionLabel(e.action),
        outcome: e.outcome,
        outcomeLabel: OUTCOME_LABELS[e.outcome] ?? e.outcome,
        subject: e.subject,
        detail: e.detail,
        hash: e.hash,
      })),
    };
  } catch (e) {
    log.warn(`门店审计日志读取失败：${(e as Error).message}`);
    throw new AppError(
      'CONFLICT',
      e instanceof StoreRequestError
        ? `门店服务器拒绝了本柜台的请求（${e.message}）`
        : STORE_UNREACHABLE_AUDIT,
    );
  }
}
