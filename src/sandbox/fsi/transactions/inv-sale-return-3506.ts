import { Refusal } from '../../refusal';
import { DRUG_FIELDS, receiveInventory } from '../../settlement/inventory';
import { releaseCodes } from '../../settlement/trace-codes';
import type { FsiTransaction } from '../context';

/** 3506 商品销售退货 (node `selinfo`): the returned packs' codes are released (R-TRACE-ONCE). */
export const invSaleReturn3506: FsiTransaction = {
  name: '商品销售退货',
  requiresSignIn: true,
  run(ctx) {
    const received = receiveInventory(ctx, {
      infno: '3506',
      node: 'selinfo',
      label: '销售退货信息',
      required: [
        ...DRUG_FIELDS,
        ['trdn_flag', '拆零标志'],
        ['sel_retn_cnt', '退货数量'],
        ['sel_retn_time', '退货时间'],
      ],
      cntField: 'sel_retn_cnt',
      codes: 'optional',
    });
    const codes = received.flatMap((r) => r.codes);
    const unknown = releaseCodes(
      ctx.db,
      '3505',
      ctx.request.fixmedins_code,
      codes,
      ctx.now.getTime(),
    );
    if (unknown.length > 0) {
      throw new Refusal(`退货的药品追溯码未在本机构商品销售（3505）中登记：${unknown.join('、')}`);
    }
    return { output: {} };
  },
};
