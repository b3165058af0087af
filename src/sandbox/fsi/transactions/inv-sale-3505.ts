import { Refusal } from '../../refusal';
import { SETTLEMENT_CODES } from '../../settlement/codes';
import { DRUG_FIELDS, receiveInventory } from '../../settlement/inventory';
import { findSettlement } from '../../settlement/store';
import { checkPackCount, registerSold } from '../../settlement/trace-codes';
import { type FsiContext, type FsiTransaction, field } from '../context';

const SALE_FIELDS = [
  ...DRUG_FIELDS,
  ['rx_flag', '处方药标志'],
  ['trdn_flag', '拆零标志'],
  ['finl_trns_pric', '最终成交单价'],
  ['sel_retn_cnt', '销售数量'],
  ['sel_retn_time', '销售时间'],
  ['rtal_docno', '零售单据号'],
  ['mdtrt_sn', '就医流水号'],
] as const;

function checkSettlementLink(ctx: FsiContext, r: Record<string, unknown>, at: string): string {
  const setlId = field(r, 'setl_id');
  const type =
    field(r, 'mdtrt_setl_type') || (setlId ? SETTLEMENT_CODES.mdtrtSetlType.insured : '');
  if (type !== SETTLEMENT_CODES.mdtrtSetlType.insured) return setlId;
  if (setlId === '') throw new Refusal(`${at}医保结算的销售须填写结算ID（setl_id）`);
  const s = findSettlement(ctx.db, setlId);
  if (!s || s.fixmedins_code !== ctx.request.fixmedins_code) {
    throw new Refusal(`${at}结算ID ${setlId} 不是本机构的结算`);
  }
  if (s.stas !== SETTLEMENT_CODES.setlStas.settled) throw new Refusal(`${at}结算 ${setlId} 已撤销`);
  return setlId;
}

/** 3505 商品销售 (node `selinfo`, `drugtracinfo[]` one code per pack; R-STOCK, R-TRACE-ONCE). */
export const invSale3505: FsiTransaction = {
  name: '商品销售',
  requiresSignIn: true,
  run(ctx) {
    const received = receiveInventory(ctx, {
      infno: '3505',
      node: 'selinfo',
      label: '销售信息',
      required: SALE_FIELDS,
      cntField: 'sel_retn_cnt',
      codes: 'required',
    });
    received.forEach(({ id, record, codes, cntUnits }, i) => {
      const at = `销售信息第 ${i + 1} 条`;
      checkPackCount(codes, cntUnits, field(record, 'trdn_flag'), at);
      const setlId = checkSettlementLink(ctx, record, at);
      registerSold(
        ctx.db,
        codes.map((code) => ({
          code,
          source: '3505' as const,
          ref: String(id),
          fixmedinsCode: ctx.request.fixmedins_code,
          medListCodg: field(record, 'med_list_codg'),
          setlId,
          hiRxno: field(record, 'rxno'),
          trdnFlag: field(record, 'trdn_flag'),
          soldAt: ctx.now.getTime(),
        })),
      );
    });
    return { output: { retRslt: '1', msgRslt: '成功' } };
  },
};
