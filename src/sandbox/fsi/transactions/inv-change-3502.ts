import { DRUG_FIELDS, receiveInventory } from '../../settlement/inventory';
import type { FsiTransaction } from '../context';

/** 3502 库存信息变更 (node `invinfo` with inv_chg_type). */
export const invChange3502: FsiTransaction = {
  name: '库存信息变更',
  requiresSignIn: true,
  run(ctx) {
    receiveInventory(ctx, {
      infno: '3502',
      node: 'invinfo',
      label: '库存变更信息',
      required: [
        ...DRUG_FIELDS,
        ['inv_chg_type', '库存变更类型'],
        ['pric', '单价'],
        ['cnt', '数量'],
        ['rx_flag', '处方药标志'],
        ['inv_chg_time', '库存变更时间'],
      ],
      cntField: 'cnt',
      codes: 'optional',
    });
    return { output: {} };
  },
};
