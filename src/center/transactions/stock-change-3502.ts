import { z } from 'zod';
import { queuedTransaction } from './entry';
import { retRslt } from './judges';
import { count, inventoryLine, inventoryReply, oneOrMany, packCodes, text } from './schema-parts';
import { byStockBatch } from './stock-batch';

export const stockChange3502 = queuedTransaction({
  infno: '3502',
  name: '库存信息变更',
  mode: 'queued',
  input: z.looseObject({
    invinfo: oneOrMany(
      // a loss or shortage names the packs that left, one code each (R-STOCK, R-TRACE-ONCE)
      inventoryLine.extend({ inv_chg_type: text, cnt: count, drugtracinfo: packCodes.optional() }),
    ),
  }),
  output: inventoryReply,
  judge: retRslt(false),
  orderingKey: byStockBatch,
});
