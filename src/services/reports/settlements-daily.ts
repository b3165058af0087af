import type { DailySettlementRow, DailySettlementsReport } from '../../contract/types-reports';
import type { ReportRepository } from '../../store/report-repository';
import { byDate, type LocalPeriod } from './period';

type Totals = DailySettlementsReport['totals'];

const zero = (): Totals => ({
  settlements: 0,
  medfeeFen: 0,
  fundFen: 0,
  acctFen: 0,
  cashFen: 0,
  selfPaySales: 0,
  selfPayFen: 0,
  refunds: 0,
  refundedFen: 0,
  netFen: 0,
});

/**
 * One row per local day (R-RECON, R-SETTLE): insured sales counted on the day the center settled
 * them (a later refund does not move them), split into fund, personal account and cash as the
 * center answered; refunds on the day the 2103 was answered, for the refunded sale's medfee;
 * self-pay sales on the day sold; the net figure is settled plus self-pay less refunded. Every day of the period has a row, empty days included.
 */
export function settlementsDaily(repo: ReportRepository, p: LocalPeriod): DailySettlementsReport {
  const settled = byDate(p, repo.settledByDay(p));
  const refunds = byDate(p, repo.refundedByDay(p));
  const selfPay = byDate(p, repo.selfPayByDay(p));
  const totals = zero();
  const rows = p.days.map((date): DailySettlementRow => {
    const s = settled.get(date);
    const r = refunds.get(date);
    const sp = selfPay.get(date);
    const row: DailySettlementRow = {
      date,
      settlements: s?.n ?? 0,
      medfeeFen: s?.medfee ?? 0,
      fundFen: s?.fund ?? 0,
      acctFen: s?.acct ?? 0,
      cashFen: s?.cash ?? 0,
      selfPaySales: sp?.n ?? 0,
      selfPayFen: sp?.fen ?? 0,
      refunds: r?.n ?? 0,
      refundedFen: r?.fen ?? 0,
      netFen: (s?.medfee ?? 0) + (sp?.fen ?? 0) - (r?.fen ?? 0),
    };
    for (const k of Object.keys(totals) as Array<keyof Totals>) totals[k] += row[k];
    return row;
  });
  return { kind: 'settlements-daily', period: { from: p.from, to: p.to }, rows, totals };
}
