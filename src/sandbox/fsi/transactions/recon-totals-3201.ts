import { yuan } from '../../settlement/money';
import {
  isLive,
  requestFen,
  requestNumber,
  settlementsIn,
  statementPeriod,
} from '../../settlement/statement';
import type { FsiTransaction } from '../context';

/**
 * 3201 对总账: the pharmacy's totals of a period (count, medical fee, fund, account) against
 * the center's live settlements of it: stmt_rslt 0 对平 or 1 不平, with what differs.
 */
export const reconTotals3201: FsiTransaction = {
  name: '对总账',
  requiresSignIn: true,
  run(ctx) {
    const period = statementPeriod(ctx);
    const live = settlementsIn(ctx, period).filter(isLive);
    const sum = (pick: (r: (typeof live)[number]) => number) =>
      live.reduce((n, r) => n + pick(r), 0);
    const mine = {
      count: requestNumber('fixmedins_setl_cnt', '结算笔数', ctx),
      medfee: requestFen('medfee_sumamt', '医疗费总额', ctx),
      fund: requestFen('fund_pay_sumamt', '基金支付总额', ctx),
      acct: requestFen('acct_pay', '个人账户支付总额', ctx),
    };
    const center = {
      count: live.length,
      medfee: sum((r) => r.medfee_fen),
      fund: sum((r) => r.fund_fen),
      acct: sum((r) => r.acct_fen),
    };
    const labels = {
      count: '结算笔数',
      medfee: '医疗费总额',
      fund: '基金支付',
      acct: '个人账户支付',
    };
    const differs = (Object.keys(labels) as Array<keyof typeof labels>).filter(
      (k) => mine[k] !== center[k],
    );
    const text = (k: keyof typeof labels, v: number) => (k === 'count' ? String(v) : yuan(v));
    return {
      output: {
        stmtinfo: {
          setl_optins: ctx.institution.admdvs,
          stmt_rslt: differs.length === 0 ? '0' : '1',
          stmt_rslt_dscr:
            differs.length === 0
              ? '对平'
              : differs
                  .map((k) => `${labels[k]}：药店 ${text(k, mine[k])}，中心 ${text(k, center[k])}`)
                  .join('；'),
          fixmedins_setl_cnt: center.count,
          medfee_sumamt: yuan(center.medfee),
          fund_pay_sumamt: yuan(center.fund),
          acct_pay: yuan(center.acct),
        },
      },
    };
  },
};
