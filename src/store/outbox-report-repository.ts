import type { Db } from './database';
import { type DayRange, dayParams, rangeParams } from './report-repository';

export interface OutboxNowRow {
  infno: string;
  /** pending or in_flight: not yet delivered, still being tried */
  waiting: number;
  parked: number;
  oldestWaitingAt: number | null;
}
export interface OutboxDeliveredRow {
  infno: string;
  delivered: number;
  avgDeliveryMs: number;
}
export interface OutboxDayCountRow {
  day: number;
  n: number;
}

/** Outbox figures for the health report (indexes: migrations 1 and 10). */
export class OutboxReportRepository {
  constructor(private readonly db: Db) {}

  /** What is undelivered now, per transaction. */
  undeliveredByInfno(): OutboxNowRow[] {
    return this.db
      .prepare(
        `SELECT infno,
                sum(status IN ('pending', 'in_flight')) AS waiting,
                sum(status = 'parked') AS parked,
                min(CASE WHEN status IN ('pending', 'in_flight') THEN created_at END) AS oldestWaitingAt
           FROM outbox INDEXED BY outbox_by_status
          WHERE status IN ('pending', 'in_flight', 'parked')
          GROUP BY infno`,
      )
      .all() as OutboxNowRow[];
  }

  /** Items delivered in the range, per transaction, with the mean time from queued to delivered. */
  deliveredByInfno(r: DayRange): OutboxDeliveredRow[] {
    return this.db
      .prepare(
        `SELECT infno, count(*) AS delivered, avg(delivered_at - created_at) AS avgDeliveryMs
           FROM outbox INDEXED BY outbox_by_delivered
          WHERE delivered_at >= @startMs AND delivered_at < @endMs
          GROUP BY infno`,
      )
      .all(rangeParams(r)) as OutboxDeliveredRow[];
  }

  queuedByDay(r: DayRange): OutboxDayCountRow[] {
    return this.countByDay(r, 'created_at', 'outbox_by_created');
  }

  deliveredByDay(r: DayRange): OutboxDayCountRow[] {
    return this.countByDay(r, 'delivered_at', 'outbox_by_delivered');
  }

  /**
   * Items parked now, by the day they were parked. The outbox keeps no parking history: an
   * item sent again after parking and then delivered no longer counts.
   */
  parkedByDay(r: DayRange): OutboxDayCountRow[] {
    return this.countByDay(r, 'updated_at', 'outbox_by_status', "status = 'parked' AND ");
  }

  /** Items per Beijing day of `column` in the range, read through `index`. */
  private countByDay(
    r: DayRange,
    column: 'created_at' | 'delivered_at' | 'updated_at',
    index: string,
    also = '',
  ): OutboxDayCountRow[] {
    return this.db
      .prepare(
        `SELECT CAST((${column} - @originMs) / 86400000 AS INTEGER) AS day, count(*) AS n
           FROM outbox INDEXED BY ${index}
          WHERE ${also}${column} >= @startMs AND ${column} < @endMs
          GROUP BY day`,
      )
      .all(dayParams(r)) as OutboxDayCountRow[];
  }
}
