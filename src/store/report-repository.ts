import type { Db } from './database';
import { STANDING } from './migrations/010-report-indexes';

/**
 * A half-open time range [startMs, endMs) cut into local calendar days: a time t falls on day
 * number (t - originMs) / 86 400 000, where originMs is local midnight of 1970-01-01.
 */
export interface DayRange {
  startMs: number;
  endMs: number;
  originMs: number;
}

/** Exactly the named parameters the day-bucketing statements use. */
export function dayParams(r: DayRange) {
  return { startMs: r.startMs, endMs: r.endMs, originMs: r.originMs };
}
export function rangeParams(r: DayRange) {
  return { startMs: r.startMs, endMs: r.endMs };
}

export interface DaySettledRow {
  day: number;
  n: number;
  medfee: number;
  fund: number;
  acct: number;
  cash: number;
}
export interface DayCountRow {
  day: number;
  n: number;
  fen: number;
}
export interface DrugDispensedRow {
  medListCodg: string;
  genname: string;
  prescriptions: number;
  paperPrescriptions: number;
  packs: number;
  amountFen: number;
}
export interface DrugChargedRow {
  medListCodg: string;
  packs: number;
  minPackFen: number | null;
  maxPackFen: number | null;
  amountFen: number;
}
export interface StockOnHandRow {
  medListCodg: string;
  packs: number;
}

/** The report queries over sales, dispensing and stock (read-only; indexes in migration 10). */
export class ReportRepository {
  constructor(private readonly db: Db) {}

  /** Settled insured sales per local day, counted on the day the center settled them. */
  settledByDay(r: DayRange): DaySettledRow[] {
    return this.db
      .prepare(
        `SELECT CAST((settled_at - @originMs) / 86400000 AS INTEGER) AS day, count(*) AS n,
                sum(medfee_fen) AS medfee, coalesce(sum(fund_fen), 0) AS fund,
                coalesce(sum(acct_fen), 0) AS acct, coalesce(sum(cash_fen), 0) AS cash
           FROM settlements INDEXED BY settlements_by_settled_at
          WHERE settled_at >= @startMs AND settled_at < @endMs
          GROUP BY day`,
      )
      .all(dayParams(r)) as DaySettledRow[];
  }

  /**
   * Refunds per local day of the refund: 2103 answered (the refunded amount is the sale's
   * medfee) and refunded 自费结算 of e-prescriptions (the sale's total, D45).
   */
  refundedByDay(r: DayRange): DayCountRow[] {
    return this.db
      .prepare(
        `SELECT day, sum(n) AS n, sum(fen) AS fen FROM (
           SELECT CAST((refunded_at - @originMs) / 86400000 AS INTEGER) AS day, count(*) AS n,
                  sum(medfee_fen) AS fen
             FROM settlements INDEXED BY settlements_by_refunded_at
            WHERE refunded_at >= @startMs AND refunded_at < @endMs AND state = 'refunded'
            GROUP BY day
           UNION ALL
           SELECT CAST((r.refunded_at - @originMs) / 86400000 AS INTEGER) AS day, count(*) AS n,
                  sum(s.total_fen) AS fen
             FROM rx_self_pay_sales r INDEXED BY rx_self_pay_sales_by_refund
             JOIN self_pay_sales s ON s.id = r.sale_id
            WHERE r.refunded_at >= @startMs AND r.refunded_at < @endMs
            GROUP BY day)
          GROUP BY day`,
      )
      .all(dayParams(r)) as DayCountRow[];
  }

  selfPayByDay(r: DayRange): DayCountRow[] {
    return this.db
      .prepare(
        `SELECT CAST((sold_at - @originMs) / 86400000 AS INTEGER) AS day, count(*) AS n, sum(total_fen) AS fen
           FROM self_pay_sales INDEXED BY self_pay_sales_by_time
          WHERE sold_at >= @startMs AND sold_at < @endMs
          GROUP BY day`,
      )
      .all(dayParams(r)) as DayCountRow[];
  }

  /**
   * Settled (standing, not held, returned or cancelled) dispensings of the period, per drug: packs are what stock gave
   * (dispensing_allocations, i.e. opened packs for 拆零), the amount is the sum of the drug's
   * fee lines in the dispensing's standing 2102 (nothing while unsettled). Summed from
   * dispensed_drug_facts (one row per dispensing and drug, migration 10) one drug after the
   * other, so the groups stream out of the index without sorting the year.
   */
  dispensedByDrug(r: DayRange): DrugDispensedRow[] {
    return this.db
      .prepare(
        `SELECT c.med_list_codg AS medListCodg, min(f.genname) AS genname,
                count(*) AS prescriptions, sum(f.paper) AS paperPrescriptions,
                sum(f.packs) AS packs, sum(f.amount_fen) AS amountFen
           FROM report_drug_codes AS c
          CROSS JOIN dispensed_drug_facts AS f INDEXED BY dispensed_drug_facts_by_drug
          WHERE f.med_list_codg = c.med_list_codg
            AND f.completed_at >= @startMs AND f.completed_at < @endMs
          GROUP BY c.med_list_codg`,
      )
      .all(rangeParams(r)) as DrugDispensedRow[];
  }

  /**
   * Completed dispensings of the period with a standing settlement (a held one is not a sale)
   * and at least one dispensed line.
   */
  dispensingCount(r: DayRange): number {
    const row = this.db
      .prepare(
        `SELECT count(*) AS n FROM dispensings AS d INDEXED BY dispensings_completed_by_time
          WHERE d.state = 'completed' AND d.completed_at >= @startMs AND d.completed_at < @endMs
            AND EXISTS (SELECT 1 FROM settlements AS s
                         WHERE s.dispensing_id = d.id AND s.state IN ${STANDING})
            AND EXISTS (SELECT 1 FROM dispensing_lines AS l
                         WHERE l.dispensing_id = d.id AND l.qty_dispensed > 0)`,
      )
      .get(rangeParams(r)) as { n: number };
    return row.n;
  }

  /**
   * Prices charged per pack in standing settlements of the period, from the fee lines of the
   * frozen 2102: a whole-pack line's unit price is the pack price; a 拆零 line's unit price
   * times units per pack is its pack price. Packs of a 拆零 line count as units / units per pack.
   * Fee lines carry their settlement's settled time while it stands (migration 10), so this
   * reads one index drug after drug, without sorting the year.
   */
  chargedByDrug(r: DayRange): DrugChargedRow[] {
    return this.db
      .prepare(
        `SELECT c.med_list_codg AS medListCodg,
                sum(coalesce(fl.cnt * 1.0 / fl.units_per_pack, fl.cnt)) AS packs,
                min(fl.price_units * coalesce(fl.units_per_pack, 1) / 100.0) AS minPackFen,
                max(fl.price_units * coalesce(fl.units_per_pack, 1) / 100.0) AS maxPackFen,
                sum(fl.amount_fen) AS amountFen
           FROM report_drug_codes AS c
          CROSS JOIN settlement_fee_lines AS fl INDEXED BY settlement_fee_lines_by_drug
          WHERE fl.med_list_codg = c.med_list_codg
            AND fl.standing_settled_at >= @startMs AND fl.standing_settled_at < @endMs
            AND fl.line_no IS NOT NULL AND fl.cnt > 0
          GROUP BY c.med_list_codg`,
      )
      .all(rangeParams(r)) as DrugChargedRow[];
  }

  /** Packs on hand per drug (R-CATALOG), now. */
  stockOnHand(): StockOnHandRow[] {
    return this.db
      .prepare(
        `SELECT med_list_codg AS medListCodg, sum(packs_on_hand) AS packs
           FROM stock_batches WHERE packs_on_hand > 0 GROUP BY med_list_codg`,
      )
      .all() as StockOnHandRow[];
  }
}
