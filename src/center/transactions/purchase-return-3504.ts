import { z } from 'zod';
import { queuedTransaction } from './entry';
import { retRslt } from './judges';
import { count, inventoryLine, inventoryReply, oneOrMany, packCodes } from './schema-parts';
import { byStockBatch } from './stock-batch';

export const purchaseReturn3504 = queuedTransaction({
  infno: '3504',
  name: '采购退货',
  mode: 'queued',
  input: z.looseObject({
    purcinfo: oneOrMany(inventoryLine.extend({ purc_retn_cnt: count, drugtracinfo: packCodes })),
  }),
  output: inventoryReply,
  judge: retRslt(false),
  orderingKey: byStockBatch,
});
