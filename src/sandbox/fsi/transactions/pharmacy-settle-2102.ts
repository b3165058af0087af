import { dateOnly, dateTime } from '../../../center/clock';
import { SETTLEMENT_CODES } from '../../settlement/codes';
import { settlementOutput } from '../../settlement/output';
import { prepareSettlement } from '../../settlement/prepare';
import { refuseIfReversed } from '../../settlement/reversal-marks';
import { moveRx } from '../../settlement/rx-link';
import { centerSerial, debitAccount, insertSettlement } from '../../settlement/store';
import { settlementWarning } from '../../settlement/warnings';
import type { FsiTransaction } from '../context';

/**
 * 2102 药店结算 (R-SETTLE): records the settlement, debits the personal account, counts the
 * year's deductible and pooling, moves the prescription 已审核 → 已结算.
 */
export const pharmacySettle2102: FsiTransaction = {
  name: '药店结算',
  requiresSignIn: true,
  run(ctx) {
    refuseIfReversed(ctx.db, ctx.request.msgid);
    const p = prepareSettlement(ctx);
    const { db, config, now } = ctx;
    const ids = {
      setlId: centerSerial(db, config, 'setl_id', now),
      mdtrtId: centerSerial(db, config, 'mdtrt_id', now),
      setlTime: dateTime(now),
      medinsSetlId: ctx.request.msgid,
    };
    if (p.breakdown.acctFen > 0) debitAccount(db, p.req.psnNo, p.req.insutype, p.breakdown.acctFen);
    const output = settlementOutput(p, ids, now);
    const b = p.breakdown;
    insertSettlement(db, {
      setl_id: ids.setlId,
      mdtrt_id: ids.mdtrtId,
      msgid: ctx.request.msgid,
      fixmedins_code: ctx.request.fixmedins_code,
      psn_no: p.req.psnNo,
      insutype: p.req.insutype,
      poolarea: p.policy.region.poolarea,
      setl_year: p.year,
      setl_date: dateOnly(now),
      setl_time: ids.setlTime,
      hi_rxno: p.req.hiRxno || null,
      rx_form: p.req.rxForm,
      medfee_fen: b.medfeeFen,
      fund_fen: b.fundFen,
      psn_part_fen: b.psnPartFen,
      acct_fen: b.acctFen,
      cash_fen: b.cashFen,
      dedc_fen: b.dedcFen,
      hifp_fen: b.hifpFen,
      output: JSON.stringify(output),
      stas: SETTLEMENT_CODES.setlStas.settled,
      rvs_msgid: null,
      rvs_time: null,
      created_at: now.getTime(),
    });
    if (p.req.hiRxno && p.req.rxForm === 'electronic') moveRx(db, p.req.hiRxno, 'settle', now);
    const warnMsg = settlementWarning(p);
    return { output, ...(warnMsg ? { warnMsg } : {}) };
  },
};
