import { DRUG_FIELDS, receiveInventory } from '../../settlement/inventory';
import { type FsiTransaction, field } from '../context';

/** 3502 inv_chg_type of packs leaving the stock: 104 盘亏, 105 报损 (our codes, docs/sandbox.md). */
const PACKS_LEAVE = new Set(['104', '105']);

/**
 * 3502 库存信息变更 (node `invinfo` with inv_chg_type). Packs that leave the stock (a loss, a
 * stocktake shortage) of a traced item name their codes, one per pack (R-STOCK, R-TRACE-ONCE):
 * those codes can never be sold afterwards.
 */
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
      codesFor: (r) => (PACKS_LEAVE.has(field(r, 'inv_chg_type')) ? 'tracedPerPack' : 'optional'),
    });
    return { output: {} };
  },
};
