import { z } from 'zod';
import { queuedTransaction } from './entry';
import { retRslt } from './judges';
import { count, inventoryLine, inventoryReply, oneOrMany, text } from './schema-parts';
import { byStockBatch } from './stock-batch';

export const stockChange3502 = queuedTransaction({
  infno: '3502',
  name: '库存信息变更',
  mode: 'queued',
  input: z.looseObject({
    invinfo: oneOrMany(inventoryLine.extend({ inv_chg_type: text, cnt: count })),
  }),
  output: inventoryReply,
  judge: retRslt(false),
  orderingKey: byStockBatch,
});
