import { z } from 'zod';
import { queuedTransaction } from './entry';
import { retRslt } from './judges';
import { count, inventoryLine, inventoryReply, oneOrMany, packCodes, text } from './schema-parts';
import { byStockBatch } from './stock-batch';

export const purchase3503 = queuedTransaction({
  infno: '3503',
  name: '商品采购',
  mode: 'queued',
  input: z.looseObject({
    purcinfo: oneOrMany(
      inventoryLine.extend({ purc_retn_cnt: count, spler_pmtno: text, drugtracinfo: packCodes }),
    ),
  }),
  output: inventoryReply,
  judge: retRslt(false),
  orderingKey: byStockBatch,
});
