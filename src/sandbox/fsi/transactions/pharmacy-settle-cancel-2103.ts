import { dateTime } from '../../../center/clock';
import { Refusal } from '../../refusal';
import { SETTLEMENT_CODES } from '../../settlement/codes';
import { yuan } from '../../settlement/money';
import { refuseIfReversed } from '../../settlement/reversal-marks';
import { findSettlement } from '../../settlement/store';
import { undoSettlement } from '../../settlement/undo';
import { type FsiTransaction, inputData, requireField } from '../context';

const STAS = SETTLEMENT_CODES.setlStas;

/**
 * 2103 药店结算撤销 (R-REVERSE): the whole settlement is reversed; the amounts answered are
 * those given back (positive), `balc` the account balance after the refund.
 */
export const pharmacySettleCancel2103: FsiTransaction = {
  name: '药店结算撤销',
  requiresSignIn: true,
  run(ctx) {
    refuseIfReversed(ctx.db, ctx.request.msgid);
    const data = inputData(ctx);
    const setlId = requireField(data, 'setl_id', '结算ID');
    const mdtrtId = requireField(data, 'mdtrt_id', '就诊ID');
    const psnNo = requireField(data, 'psn_no', '人员编号');
    const row = findSettlement(ctx.db, setlId);
    if (!row || row.fixmedins_code !== ctx.request.fixmedins_code) {
      throw new Refusal(`未查询到本机构的结算记录：${setlId}`);
    }
    if (row.mdtrt_id !== mdtrtId) throw new Refusal('就诊ID（mdtrt_id）与结算记录不符');
    if (row.psn_no !== psnNo) throw new Refusal('人员编号（psn_no）与结算记录不符');
    if (row.stas === STAS.reversed) throw new Refusal('该结算已撤销，不能重复撤销');
    if (row.stas === STAS.voided) throw new Refusal('该结算已被冲正（2601），无需撤销');
    const balance = undoSettlement(ctx.db, row, 'reversed', ctx.request.msgid, ctx.now);
    const original = JSON.parse(row.output) as {
      setlinfo: Record<string, unknown>;
      setldetail: unknown[];
    };
    const s = original.setlinfo;
    return {
      output: {
        setlinfo: {
          mdtrt_id: row.mdtrt_id,
          setl_id: row.setl_id,
          clr_optins: s.clr_optins,
          medfee_sumamt: yuan(row.medfee_fen),
          setl_time: dateTime(ctx.now),
          hifp_pay: s.hifp_pay,
          cvlserv_pay: s.cvlserv_pay,
          hifes_pay: s.hifes_pay,
          hifmi_pay: s.hifmi_pay,
          hifob_pay: s.hifob_pay,
          maf_pay: s.maf_pay,
          oth_pay: s.oth_pay,
          fund_pay_sumamt: yuan(row.fund_fen),
          psn_pay: yuan(row.psn_part_fen),
          acct_pay: yuan(row.acct_fen),
          cash_payamt: yuan(row.cash_fen),
          balc: yuan(balance),
          acct_mulaid_pay: 0,
          medins_setl_id: ctx.request.msgid,
        },
        setldetail: original.setldetail,
      },
    };
  },
};
