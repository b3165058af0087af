import { z } from 'zod';
import { MiB, syncTransaction } from './entry';
import { infcodeOnly } from './judges';
import { dataNode, text } from './schema-parts';

/** One record of 5205: a dispensing the center knows of. */
export const record5205Schema = z.looseObject({
  fee_ocur_time: z.string(),
  med_list_codg: z.string(),
  hilist_name: z.string().optional(),
  cnt: z.coerce.number(),
  /** 周期天数: our assumption, 5205 has no days field in the versions we found (see docs/sandbox.md). */
  prd_days: z.coerce.number().nullish(),
  rx_drord_no: z.string().nullish(),
  fixmedins_name: z.string().nullish(),
});
export type Record5205 = z.infer<typeof record5205Schema>;

/** Lists a person's drug history: a larger reply than most. */
export const medicationRecords5205 = syncTransaction({
  infno: '5205',
  name: '人员慢特病用药记录查询',
  mode: 'sync',
  input: dataNode({ psn_no: text, begntime: text, endtime: text }),
  output: z.object({ feedetail: z.array(record5205Schema) }),
  judge: infcodeOnly,
  replyCapBytes: 8 * MiB,
});
