import { DRUG_FIELDS, receiveInventory } from '../../settlement/inventory';
import type { FsiTransaction } from '../context';

/** 3501 商品盘存上传 (node `invinfo`). */
export const invStocktake3501: FsiTransaction = {
  name: '商品盘存上传',
  requiresSignIn: true,
  run(ctx) {
    receiveInventory(ctx, {
      infno: '3501',
      node: 'invinfo',
      label: '盘存信息',
      required: [
        ...DRUG_FIELDS,
        ['rx_flag', '处方药标志'],
        ['invdate', '盘存日期'],
        ['inv_cnt', '库存数量'],
      ],
      cntField: 'inv_cnt',
      codes: 'tracedOnHand',
    });
    return { output: {} };
  },
};
