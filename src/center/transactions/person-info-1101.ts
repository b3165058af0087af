import { z } from 'zod';
import { syncTransaction } from './entry';
import { carries } from './judges';
import { dataNode, text } from './schema-parts';

export const personInfo1101 = syncTransaction({
  infno: '1101',
  name: '人员信息获取',
  mode: 'sync',
  input: dataNode({ mdtrt_cert_type: text, mdtrt_cert_no: text }),
  output: z.looseObject({ baseinfo: z.looseObject({ psn_no: text }) }),
  judge: carries('baseinfo.psn_no'),
});
