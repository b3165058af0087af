import { Refusal } from '../../refusal';
import { SETTLEMENT_CODES } from '../../settlement/codes';
import { moveRx } from '../../settlement/rx-link';
import { liveSettlementOfRx } from '../../settlement/store';
import { releaseSold } from '../../settlement/trace-codes';
import { type FsiTransaction, field, inputData, requireField } from '../context';

/**
 * 7208 药品销售出库明细撤销 (`data`: hi_rxno, optional x_sel_sn, sel_retn_time, memo): the
 * live 7207 of the prescription is cancelled, its codes released, the prescription goes back
 * to 已结算 (settlement still live) or 已审核.
 */
export const salesUploadCancel7208: FsiTransaction = {
  name: '药品销售出库明细撤销',
  requiresSignIn: true,
  run(ctx) {
    const data = inputData(ctx);
    const hiRxno = requireField(data, 'hi_rxno', '医保处方编号');
    const sale = ctx.db
      .prepare(
        'SELECT sel_sn FROM sales_outbound WHERE hi_rxno = ? AND fixmedins_code = ? AND stas = ?',
      )
      .get(hiRxno, ctx.request.fixmedins_code, SETTLEMENT_CODES.saleStas.live) as
      | { sel_sn: string }
      | undefined;
    if (!sale) throw new Refusal(`未查询到本机构对处方 ${hiRxno} 的有效销售出库记录`);
    const asked = field(data, 'x_sel_sn');
    if (asked !== '' && asked !== sale.sel_sn)
      throw new Refusal('销售出库流水号（x_sel_sn）与记录不符');
    ctx.db
      .prepare(
        'UPDATE sales_outbound SET stas = ?, cancel_msgid = ?, cancelled_at = ? WHERE sel_sn = ?',
      )
      .run(SETTLEMENT_CODES.saleStas.cancelled, ctx.request.msgid, ctx.now.getTime(), sale.sel_sn);
    const released = releaseSold(ctx.db, '7207', sale.sel_sn, ctx.now.getTime());
    const settled = liveSettlementOfRx(ctx.db, hiRxno) !== null;
    moveRx(ctx.db, hiRxno, settled ? 'undispenseSettled' : 'undispenseUnsettled', ctx.now);
    return {
      output: {
        data: { msg_code: '0', flag: 'True', x_sel_sn: sale.sel_sn, x_released_codes: released },
      },
    };
  },
};
