import { dateTime } from '../../center/clock';
import type { DaySummary, DaySummaryHeld } from '../../contract/types-reports';
import { heldNotCarriedOver } from '../../domain/day-close';
import { maskName } from '../../domain/mask';
import { rxnoTail } from '../../domain/rx-number-tail';
import type { Db } from '../../store/database';
import { DispensingRepository } from '../../store/dispensing-repository';
import { HeldCarryoverRepository } from '../../store/held-carryover-repository';
import { OutboxReportRepository } from '../../store/outbox-report-repository';
import { ReportRepository } from '../../store/report-repository';
import { outboxHealth } from './outbox-health';
import { localPeriod } from './period';
import { settlementsDaily } from './settlements-daily';

/** Held dispensings with the day's carry-overs beside them. */
export function heldOfDay(db: Db, day: string): DaySummaryHeld[] {
  const dispensings = new DispensingRepository(db);
  const carried = new HeldCarryoverRepository(db).ofDay(day);
  return dispensings.held().map((d) => {
    const c = carried.get(d.id);
    return {
      dispensingId: d.id,
      rxnoTail: rxnoTail(d.rxno),
      patientMasked: maskName(d.patientName),
      completedAt: dateTime(new Date(d.completedAt ?? d.startedAt)),
      drugs: dispensings
        .lines(d.id)
        .filter((l) => l.qtyDispensed > 0)
        .map((l) => `「${l.genname}」×${l.qtyDispensed}${l.qtyUnit}`)
        .join('、'),
      carriedOver: c
        ? { reason: c.reason, staffName: c.staffName, at: dateTime(new Date(c.at)) }
        : null,
    };
  });
}

/** The held dispensings that keep `day` from closing (R-KEEP). */
export function openHeldOfDay(db: Db, day: string): number[] {
  const carried = new HeldCarryoverRepository(db).ofDay(day);
  return heldNotCarriedOver(
    new DispensingRepository(db).held().map((d) => d.id),
    new Set(carried.keys()),
  );
}

/**
 * 日结汇总 of one local day: the amounts are the 每日结算报表's own totals for that day, the
 * queue is the 上传队列运行情况 report's undelivered part; the rest are counts of the counter's
 * records (R-RECON, R-KEEP).
 */
export function buildDaySummary(db: Db, day: string, now: Date): DaySummary {
  const p = localPeriod(day, day);
  const held = heldOfDay(db, day);
  const queue = outboxHealth(new OutboxReportRepository(db), p, now.getTime());
  const count = (sql: string, ...args: unknown[]) =>
    (db
      .prepare(sql)
      .pluck()
      .get(...args) as number | null) ?? 0;
  return {
    day,
    at: dateTime(now),
    settlements: settlementsDaily(new ReportRepository(db), p).totals,
    held,
    openHeld: held.filter((h) => h.carriedOver === null).length,
    outbox: queue.byInfno
      .filter((r) => r.pending + r.parked > 0)
      .map((r) => ({ infno: r.infno, name: r.name, waiting: r.pending, parked: r.parked })),
    scanRefusals: count(
      'SELECT count(*) FROM scan_refusals WHERE at >= ? AND at < ?',
      p.startMs,
      p.endMs,
    ),
    paperAwaitingPharmacist: count(
      `SELECT count(*) FROM paper_prescriptions p
        WHERE NOT EXISTS (SELECT 1 FROM paper_confirmations c WHERE c.paper_id = p.id)`,
    ),
  };
}
