import { z } from 'zod';
import { queuedTransaction, unordered } from './entry';
import { carries } from './judges';
import { dataNode, text } from './schema-parts';

/** Reverses a 2102/2103 whose outcome is unknown; repeated with its msgid until answered. */
export const reversal2601 = queuedTransaction({
  infno: '2601',
  name: '冲正交易',
  mode: 'queued',
  input: dataNode({ psn_no: text, omsgid: text, oinfno: z.enum(['2102', '2103']) }),
  output: dataNode({ x_rvs_rslt: text.optional() }),
  judge: carries('data'),
  orderingKey: unordered,
});
