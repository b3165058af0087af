import { z } from 'zod';
import { syncTransaction } from './entry';
import { carries } from './judges';
import { text } from './schema-parts';

export const settle2102 = syncTransaction({
  infno: '2102',
  name: '药店结算',
  mode: 'sync',
  input: z.looseObject({ druginfo: z.looseObject({ psn_no: text }) }),
  output: z.looseObject({ setlinfo: z.looseObject({ setl_id: text }) }),
  judge: carries('setlinfo.setl_id'),
});
