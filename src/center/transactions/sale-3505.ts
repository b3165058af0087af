import { z } from 'zod';
import { byPrescription, queuedTransaction } from './entry';
import { retRslt } from './judges';
import { count, inventoryLine, inventoryReply } from './schema-parts';

/** A prescription sale is ordered behind its prescription's other uploads; a self-pay sale is not. */
export const sale3505 = queuedTransaction({
  infno: '3505',
  name: '商品销售',
  mode: 'queued',
  input: z.looseObject({
    selinfo: z.array(
      inventoryLine.extend({ sel_retn_cnt: count, drugtracinfo: z.array(z.unknown()) }),
    ),
  }),
  output: inventoryReply,
  judge: retRslt(true),
  orderingKey: byPrescription,
});
