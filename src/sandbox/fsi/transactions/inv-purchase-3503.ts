import { DRUG_FIELDS, receiveInventory } from '../../settlement/inventory';
import type { FsiTransaction } from '../context';

/** 3503 商品采购 (node `purcinfo`). */
export const invPurchase3503: FsiTransaction = {
  name: '商品采购',
  requiresSignIn: true,
  run(ctx) {
    receiveInventory(ctx, {
      infno: '3503',
      node: 'purcinfo',
      label: '采购信息',
      required: [
        ...DRUG_FIELDS,
        ['spler_name', '供应商名称'],
        ['manu_lotnum', '生产批号'],
        ['manu_date', '生产日期'],
        ['expy_end', '有效期止'],
        ['finl_trns_pric', '最终成交单价'],
        ['purc_retn_cnt', '采购数量'],
        ['purc_retn_stoin_time', '采购入库时间'],
      ],
      cntField: 'purc_retn_cnt',
      codes: 'optional',
    });
    return { output: {} };
  },
};
