import type { Db } from '../../store/database';

/** A settlement of the day as the counter recorded it (amounts in fen). */
export interface LocalSettlement {
  id: number;
  msgid: string;
  setlId: string | null;
  hiRxno: string;
  state: string;
  /** When it settled (or was attempted), epoch ms. */
  at: number;
  medfeeFen: number;
  fundFen: number | null;
  acctFen: number | null;
  cashFen: number | null;
}

/** An upload of the day's sales that has not reached the center. */
export interface PendingUpload {
  msgid: string;
  infno: string;
  status: string;
  lastError: string | null;
  hiRxno: string | null;
}

/** [start, end) of a Beijing calendar day in epoch ms. */
export function beijingDayRange(date: string): [number, number] {
  const start = Date.parse(`${date}T00:00:00+08:00`);
  return [start, start + 86_400_000];
}

/** [start of `from`, end of `to`) in epoch ms, Beijing calendar days. */
export function beijingPeriodRange(from: string, to: string): [number, number] {
  return [beijingDayRange(from)[0], beijingDayRange(to)[1]];
}

export function localSettlementsIn(db: Db, fromDate: string, toDate: string): LocalSettlement[] {
  const [from, to] = beijingPeriodRange(fromDate, toDate);
  return db
    .prepare(
      `SELECT id, msgid, setl_id AS setlId, hi_rxno AS hiRxno, state,
              coalesce(settled_at, created_at) AS at, medfee_fen AS medfeeFen,
              fund_fen AS fundFen, acct_fen AS acctFen, cash_fen AS cashFen
         FROM settlements
        WHERE coalesce(settled_at, created_at) >= ? AND coalesce(settled_at, created_at) < ?
        ORDER BY id`,
    )
    .all(from, to) as LocalSettlement[];
}

/** Uploads (7207, 3505, 2601, …) of the period's settlements and self-pay sales still undelivered. */
export function pendingUploadsIn(db: Db, fromDate: string, toDate: string): PendingUpload[] {
  const [from, to] = beijingPeriodRange(fromDate, toDate);
  return db
    .prepare(
      `SELECT o.msgid, o.infno, o.status, o.last_error AS lastError, s.hi_rxno AS hiRxno
         FROM sale_uploads u
         JOIN outbox o ON o.msgid = u.msgid
         LEFT JOIN settlements s ON s.id = u.settlement_id
         LEFT JOIN self_pay_sales p ON p.id = u.sale_id
        WHERE o.status <> 'delivered'
          AND coalesce(s.settled_at, s.created_at, p.sold_at) >= ?
          AND coalesce(s.settled_at, s.created_at, p.sold_at) < ?
        ORDER BY o.id`,
    )
    .all(from, to) as PendingUpload[];
}
