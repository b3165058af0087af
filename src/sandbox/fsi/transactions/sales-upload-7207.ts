import { parseDateTime } from '../../../center/clock';
import { RX_CHK_STATUS } from '../../../center/rx/fsi-7206';
import { Refusal } from '../../refusal';
import { findRx } from '../../rx/rx-store';
import { SETTLEMENT_CODES } from '../../settlement/codes';
import { scaled } from '../../settlement/money';
import { moveRx } from '../../settlement/rx-link';
import { parseSaleLines } from '../../settlement/sales-lines';
import { centerSerial, findSettlement } from '../../settlement/store';
import { registerSold } from '../../settlement/trace-codes';
import { type FsiContext, type FsiTransaction, field, inputData, requireField } from '../context';

const PAY = SETTLEMENT_CODES.payMode;
const AMOUNTS = [
  ['fund_pay_sumamt', 'fund_fen'],
  ['psn_part_amt', 'psn_part_fen'],
  ['acct_pay', 'acct_fen'],
  ['psn_cash_pay', 'cash_fen'],
] as const;

function checkReview(ctx: FsiContext, hiRxno: string, sn: string): void {
  const review = ctx.db
    .prepare(
      'SELECT hi_rxno, fixmedins_code, rx_chk_stas_codg FROM rx_reviews WHERE rx_chk_biz_sn = ?',
    )
    .get(sn) as { hi_rxno: string; fixmedins_code: string; rx_chk_stas_codg: string } | undefined;
  if (
    !review ||
    review.hi_rxno !== hiRxno ||
    review.fixmedins_code !== ctx.request.fixmedins_code
  ) {
    throw new Refusal('处方审核业务流水号（rx_chk_biz_sn）无效或与处方不对应');
  }
  if (review.rx_chk_stas_codg !== RX_CHK_STATUS.pass.codg) {
    throw new Refusal('该审方结果为不通过，不能销售出库');
  }
}

/** The settlement the sale rests on; the amounts sent, where sent, must match it to the fen. */
function checkSettlement(ctx: FsiContext, data: Record<string, unknown>, hiRxno: string): string {
  const setlId = requireField(data, 'setl_id', '结算ID');
  const s = findSettlement(ctx.db, setlId);
  if (!s || s.fixmedins_code !== ctx.request.fixmedins_code || s.hi_rxno !== hiRxno) {
    throw new Refusal(`结算ID ${setlId} 不是本机构对该处方的结算`);
  }
  if (s.stas !== SETTLEMENT_CODES.setlStas.settled)
    throw new Refusal(`结算 ${setlId} 已撤销或冲正`);
  for (const [name, column] of AMOUNTS) {
    if (field(data, name) === '') continue;
    if (scaled(data[name], 2) !== s[column]) {
      throw new Refusal(`${name} 与中心结算记录不符`);
    }
  }
  return setlId;
}

/**
 * 7207 药品销售出库明细上传 (R-SALES-UP, R-TRACE-ONCE): `data` + `selinfo[]` (the older 7206
 * draft's shape) plus `rx_chk_biz_sn` and `setl_id`. Moves the prescription to 已取药.
 */
export const salesUpload7207: FsiTransaction = {
  name: '药品销售出库明细上传',
  requiresSignIn: true,
  run(ctx) {
    const data = inputData(ctx);
    const hiRxno = requireField(data, 'hi_rxno', '医保处方编号');
    const rx = findRx(ctx.db, hiRxno);
    if (!rx) throw new Refusal(`未查询到电子处方 ${hiRxno}`);
    const chkSn = requireField(data, 'rx_chk_biz_sn', '处方审核业务流水号');
    checkReview(ctx, hiRxno, chkSn);
    const payMode = requireField(data, 'payMode', '支付方式');
    if (!Object.values(PAY).includes(payMode as never))
      throw new Refusal('支付方式（payMode）应为 1、2 或 3');
    for (const [name, label] of [
      ['phar_name', '药师姓名'],
      ['phar_certno', '药师证件号码'],
    ] as const)
      requireField(data, name, label);
    if (!parseDateTime(requireField(data, 'sel_retn_time', '销售时间'))) {
      throw new Refusal('销售时间（sel_retn_time）格式应为 yyyy-MM-dd HH:mm:ss');
    }
    const setlId = payMode === PAY.selfPay ? '' : checkSettlement(ctx, data, hiRxno);
    const lines = parseSaleLines(ctx.request.input.selinfo, rx);
    moveRx(ctx.db, hiRxno, setlId ? 'dispenseSettled' : 'dispenseSelfPay', ctx.now);
    const selSn = centerSerial(ctx.db, ctx.config, 'sel_sn', ctx.now);
    ctx.db
      .prepare(
        `INSERT INTO sales_outbound (sel_sn, msgid, fixmedins_code, hi_rxno, rx_chk_biz_sn, setl_id,
           pay_mode, request, stas, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        selSn,
        ctx.request.msgid,
        ctx.request.fixmedins_code,
        hiRxno,
        chkSn,
        setlId,
        payMode,
        JSON.stringify(ctx.request.input),
        SETTLEMENT_CODES.saleStas.live,
        ctx.now.getTime(),
      );
    registerSold(
      ctx.db,
      lines.flatMap((l) =>
        l.codes.map((code) => ({
          code,
          source: '7207' as const,
          ref: selSn,
          fixmedinsCode: ctx.request.fixmedins_code,
          medListCodg: l.medListCodg,
          setlId,
          hiRxno,
          trdnFlag: l.trdnFlag,
          soldAt: ctx.now.getTime(),
        })),
      ),
    );
    return { output: { data: { msg_code: '0', flag: 'True', x_sel_sn: selSn } } };
  },
};
