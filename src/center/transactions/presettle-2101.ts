import { z } from 'zod';
import { syncTransaction } from './entry';
import { carries } from './judges';
import { settlementReply, text } from './schema-parts';

export const presettle2101 = syncTransaction({
  infno: '2101',
  name: '药店预结算',
  mode: 'sync',
  input: z.looseObject({ druginfo: z.looseObject({ psn_no: text }) }),
  output: settlementReply,
  judge: carries('setlinfo'),
});
