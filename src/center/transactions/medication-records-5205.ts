import { z } from 'zod';
import { MiB, syncTransaction } from './entry';
import { infcodeOnly } from './judges';
import { dataNode, text } from './schema-parts';

/** Lists a person's drug history: a larger reply than most. */
export const medicationRecords5205 = syncTransaction({
  infno: '5205',
  name: '人员慢特病用药记录查询',
  mode: 'sync',
  input: dataNode({ psn_no: text, begntime: text, endtime: text }),
  output: z.looseObject({}),
  judge: infcodeOnly,
  replyCapBytes: 8 * MiB,
});
