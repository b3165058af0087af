import { DRUG_FIELDS, receiveInventory } from '../../settlement/inventory';
import type { FsiTransaction } from '../context';

/** 3503 商品采购 (node `purcinfo`): the supplier's licence (R-SUPPLY) and traced packs' codes (R-STOCK). */
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
        ['spler_pmtno', '供应商许可证号'],
        ['manu_lotnum', '生产批号'],
        ['manu_date', '生产日期'],
        ['expy_end', '有效期止'],
        ['finl_trns_pric', '最终成交单价'],
        ['purc_retn_cnt', '采购数量'],
        ['purc_retn_stoin_time', '采购入库时间'],
      ],
      cntField: 'purc_retn_cnt',
      codes: 'tracedPerPack',
    });
    return { output: {} };
  },
};
