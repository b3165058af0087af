import { transactionName } from '../../center/transactions';
import type { OutboxHealthReport, OutboxInfnoRow } from '../../contract/types-reports';
import type { OutboxReportRepository } from '../../store/outbox-report-repository';
import { byDate, type LocalPeriod } from './period';

/**
 * The upload queue's health (R-STOCK, R-SALES-UP): what is waiting or parked now and the oldest
 * waiting item's age; per transaction, items delivered in the period with the mean time from
 * queued to delivered, beside what of it is waiting or parked now; per day, items queued,
 * delivered and (still) parked.
 */
export function outboxHealth(
  repo: OutboxReportRepository,
  p: LocalPeriod,
  at: number,
): OutboxHealthReport {
  const now = repo.undeliveredByInfno();
  const delivered = new Map(repo.deliveredByInfno(p).map((r) => [r.infno, r]));
  const infnos = [...new Set([...now.map((r) => r.infno), ...delivered.keys()])].sort();
  const byInfno = infnos.map((infno): OutboxInfnoRow => {
    const n = now.find((r) => r.infno === infno);
    const d = delivered.get(infno);
    return {
      infno,
      name: transactionName(infno),
      delivered: d?.delivered ?? 0,
      pending: n?.waiting ?? 0,
      parked: n?.parked ?? 0,
      avgDeliveryMs: d ? Math.round(d.avgDeliveryMs) : null,
    };
  });
  const oldest = now
    .map((r) => r.oldestWaitingAt)
    .filter((t): t is number => t !== null)
    .reduce<number | null>((m, t) => (m === null || t < m ? t : m), null);
  const queued = byDate(p, repo.queuedByDay(p));
  const deliveredDaily = byDate(p, repo.deliveredByDay(p));
  const parked = byDate(p, repo.parkedByDay(p));
  return {
    kind: 'outbox-health',
    period: { from: p.from, to: p.to },
    at,
    pending: byInfno.reduce((s, r) => s + r.pending, 0),
    parked: byInfno.reduce((s, r) => s + r.parked, 0),
    oldestPendingAgeMs: oldest === null ? null : Math.max(0, at - oldest),
    byInfno,
    daily: p.days.map((date) => ({
      date,
      queued: queued.get(date)?.n ?? 0,
      delivered: deliveredDaily.get(date)?.n ?? 0,
      parked: parked.get(date)?.n ?? 0,
    })),
  };
}
