import { assertOk, type FsiClient } from '../../center/fsi-client';
import { TRANSACTIONS } from '../../center/transactions';
import { yuanNumber } from '../../domain/money';
import type { AuthenticatedSession, AuthService } from '../auth-service';

/** One settlement as the center recorded it (amounts in fen). */
export interface CenterSettlementRecord {
  setlId: string;
  msgid: string;
  hiRxno: string | null;
  /** '1' live; anything else reversed. */
  stas: string;
  setlTime: string | null;
  medfeeFen: number;
  fundFen: number;
  acctFen: number;
  cashFen: number;
}

/** The counter's totals of a period, as 3201 carries them (fen). */
export interface PeriodTotals {
  settlements: number;
  medfeeFen: number;
  fundFen: number;
  acctFen: number;
  cashFen: number;
}

/** The center's answer for a period: its verdict on the totals (3201) and its detail (3202). */
export interface CenterStatement {
  totalsBalanced: boolean;
  /** The center's words on the totals (对平, or what differs). */
  totalsText: string;
  settlements: CenterSettlementRecord[];
}

export interface CenterRecords {
  /** Shown with the result, so nobody mistakes where the center's side came from. */
  source: string;
  statement(
    session: AuthenticatedSession,
    period: { from: string; to: string },
    mine: PeriodTotals,
  ): Promise<CenterStatement>;
}

const fen = (yuan: number) => Math.round(Number(yuan) * 100);

/**
 * The center's side of a period through the FSI reconciliation transactions: 3201 对总账 with
 * the counter's totals, then 3202 对明细账 for the settlements one by one (always, since two
 * differences can cancel out in the totals).
 */
export function fsiCenterRecords(deps: {
  fsi: FsiClient;
  auth: AuthService;
  admdvs: string;
}): CenterRecords {
  return {
    source: '医保中心 3201 对总账 / 3202 对明细账',
    async statement(session, period, mine) {
      const signNo = await deps.auth.ensureSignedIn(session);
      const who = { opter: session.staff.username, opterName: session.staff.displayName, signNo };
      const common = {
        setl_optins: deps.admdvs,
        stmt_begndate: period.from,
        stmt_enddate: period.to,
        medfee_sumamt: yuanNumber(mine.medfeeFen),
        fund_pay_sumamt: yuanNumber(mine.fundFen),
        fixmedins_setl_cnt: mine.settlements,
      };
      const totals = assertOk(
        await deps.fsi.call({
          infno: '3201',
          input: { data: { ...common, acct_pay: yuanNumber(mine.acctFen) } },
          ...who,
        }),
      );
      const t = TRANSACTIONS['3201'].output.safeParse(totals.output);
      if (!t.success) throw new Error('医保中心对总账（3201）应答格式不正确');
      const details = assertOk(
        await deps.fsi.call({
          infno: '3202',
          input: { data: { ...common, cash_payamt: yuanNumber(mine.cashFen) } },
          ...who,
        }),
      );
      const d = TRANSACTIONS['3202'].output.safeParse(details.output);
      if (!d.success) throw new Error('医保中心对明细账（3202）应答格式不正确');
      return {
        totalsBalanced: t.data.stmtinfo.stmt_rslt === '0',
        totalsText: t.data.stmtinfo.stmt_rslt_dscr ?? '',
        settlements: d.data.stmt_detail.map((r) => ({
          setlId: r.setl_id,
          msgid: r.msgid,
          hiRxno: r.hi_rxno ?? null,
          stas: r.stas,
          setlTime: r.setl_time ?? null,
          medfeeFen: fen(r.medfee_sumamt),
          fundFen: fen(r.fund_pay_sumamt),
          acctFen: fen(r.acct_pay),
          cashFen: fen(r.psn_cash_pay),
        })),
      };
    },
  };
}
