import type { ApiOutput } from '../../contract/contract';
import { formatFen } from '../format/money';

type StoreDayReport = ApiOutput<'reports.storeDay'>;
type StoreDayTotals = StoreDayReport['store'];

/** One line of the 全店结算日报: a counter, or the store's total (`counter: null`). */
export interface StoreDayRow {
  key: string;
  /** 柜台 A … or 全店合计 */
  label: string;
  counter: string | null;
  settlements: number;
  refunds: number;
  medfee: string;
  fund: string;
  acct: string;
  cash: string;
  cashSales: number;
  cashSalesAmount: string;
}

function rowOf(key: string, label: string, counter: string | null, t: StoreDayTotals) {
  return {
    key,
    label,
    counter,
    settlements: t.settlements,
    refunds: t.refunds,
    medfee: formatFen(t.medfeeFen),
    fund: formatFen(t.fundFen),
    acct: formatFen(t.acctFen),
    cash: formatFen(t.cashFen),
    cashSales: t.cashSales,
    cashSalesAmount: formatFen(t.cashSalesFen),
  };
}

/**
 * The store day report as table lines: every counter in id order, then the store's total as the
 * store server summed it (never re-added here, so the screen shows the store's own figure).
 */
export function storeDayRows(report: StoreDayReport): StoreDayRow[] {
  const counters = [...report.counters].sort((a, b) => a.counterId.localeCompare(b.counterId));
  return [
    ...counters.map((c) => rowOf(`counter-${c.counterId}`, `柜台 ${c.counterId}`, c.counterId, c)),
    rowOf('store', '全店合计', null, report.store),
  ];
}

/** One line above the table, e.g. 2026-12-07 全店：2 个柜台，医保结算 3 笔，退费 1 笔，自费零售 2 笔 */
export function storeDaySummary(report: StoreDayReport): string {
  const s = report.store;
  if (report.counters.length === 0) return `${report.day} 全店：当日没有结算、退费或自费零售`;
  return `${report.day} 全店：${report.counters.length} 个柜台，医保结算 ${s.settlements} 笔，退费 ${s.refunds} 笔，自费零售 ${s.cashSales} 笔`;
}
