import { DRUG_FIELDS, receiveInventory } from '../../settlement/inventory';
import type { FsiTransaction } from '../context';

/** 3504 采购退货 (node `purcinfo`). */
export const invPurchaseReturn3504: FsiTransaction = {
  name: '采购退货',
  requiresSignIn: true,
  run(ctx) {
    receiveInventory(ctx, {
      infno: '3504',
      node: 'purcinfo',
      label: '采购退货信息',
      required: [
        ...DRUG_FIELDS,
        ['spler_name', '供应商名称'],
        ['finl_trns_pric', '最终成交单价'],
        ['purc_retn_cnt', '退货数量'],
        ['purc_retn_stoin_time', '退货出库时间'],
      ],
      cntField: 'purc_retn_cnt',
      codes: 'tracedPerPack',
    });
    return { output: {} };
  },
};
