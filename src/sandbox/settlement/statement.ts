import { type FsiContext, field, inputData, requireField } from '../fsi/context';
import { Refusal } from '../refusal';
import { SETTLEMENT_CODES } from './codes';
import { yuan } from './money';
import type { SettlementRow } from './store';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface StatementPeriod {
  begn: string;
  end: string;
}

/** 3201/3202's period (stmt_begndate … stmt_enddate, center dates, both included). */
export function statementPeriod(ctx: FsiContext): StatementPeriod {
  const data = inputData(ctx);
  const begn = requireField(data, 'stmt_begndate', '对账开始日期').slice(0, 10);
  const end = requireField(data, 'stmt_enddate', '对账结束日期').slice(0, 10);
  if (!DATE.test(begn) || !DATE.test(end)) throw new Refusal('对账日期应为 yyyy-MM-dd');
  if (begn > end) throw new Refusal('对账开始日期不能晚于结束日期');
  return { begn, end };
}

/** Every settlement of the requesting institution in the period, reversed ones included. */
export function settlementsIn(ctx: FsiContext, p: StatementPeriod): SettlementRow[] {
  return ctx.db
    .prepare(
      `SELECT * FROM settlements WHERE fixmedins_code = ? AND setl_date BETWEEN ? AND ?
        ORDER BY created_at`,
    )
    .all(ctx.institution.fixmedinsCode, p.begn, p.end) as SettlementRow[];
}

export const isLive = (r: SettlementRow) => r.stas === SETTLEMENT_CODES.setlStas.settled;

/** A number of the request's data node. */
export function requestNumber(name: string, label: string, ctx: FsiContext): number {
  const raw = field(inputData(ctx), name);
  const v = Number(raw);
  if (raw === '' || !Number.isFinite(v)) throw new Refusal(`${label}（${name}）须为数字`);
  return v;
}

/** An amount of the request (yuan) in fen. */
export const requestFen = (name: string, label: string, ctx: FsiContext): number =>
  Math.round(requestNumber(name, label, ctx) * 100);

export function detailOf(r: SettlementRow) {
  return {
    setl_id: r.setl_id,
    mdtrt_id: r.mdtrt_id,
    msgid: r.msgid,
    psn_no: r.psn_no,
    insutype: r.insutype,
    hi_rxno: r.hi_rxno,
    setl_time: r.setl_time,
    stas: r.stas,
    refd_setl_flag: isLive(r) ? '0' : '1',
    medfee_sumamt: yuan(r.medfee_fen),
    fund_pay_sumamt: yuan(r.fund_fen),
    acct_pay: yuan(r.acct_fen),
    psn_cash_pay: yuan(r.cash_fen),
  };
}
