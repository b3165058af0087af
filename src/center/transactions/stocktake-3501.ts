import { z } from 'zod';
import { queuedTransaction, unordered } from './entry';
import { retRslt } from './judges';
import { count, inventoryLine, inventoryReply, oneOrMany, packCodes } from './schema-parts';

export const stocktake3501 = queuedTransaction({
  infno: '3501',
  name: '商品盘存上传',
  mode: 'queued',
  input: z.looseObject({
    invinfo: oneOrMany(inventoryLine.extend({ inv_cnt: count, drugtracinfo: packCodes })),
  }),
  output: inventoryReply,
  judge: retRslt(false),
  orderingKey: unordered,
});
