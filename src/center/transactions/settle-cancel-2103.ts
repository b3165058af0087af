import { syncTransaction } from './entry';
import { carries } from './judges';
import { dataNode, settlementReply, text } from './schema-parts';

export const settleCancel2103 = syncTransaction({
  infno: '2103',
  name: '药店结算撤销',
  mode: 'sync',
  input: dataNode({ psn_no: text, setl_id: text, mdtrt_id: text }),
  output: settlementReply,
  judge: carries('setlinfo'),
});
