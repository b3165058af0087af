import { z } from 'zod';
import { byPrescription, queuedTransaction } from './entry';
import { retRslt } from './judges';
import { count, inventoryLine, inventoryReply } from './schema-parts';

export const saleReturn3506 = queuedTransaction({
  infno: '3506',
  name: '商品销售退货',
  mode: 'queued',
  input: z.looseObject({
    selinfo: z.array(
      inventoryLine.extend({ sel_retn_cnt: count, drugtracinfo: z.array(z.unknown()) }),
    ),
  }),
  output: inventoryReply,
  judge: retRslt(false),
  orderingKey: byPrescription,
});
