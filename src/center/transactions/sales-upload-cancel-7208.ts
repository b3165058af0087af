import { byPrescription, queuedTransaction } from './entry';
import { msgCode } from './judges';
import { dataNode, text, uploadReply } from './schema-parts';

export const salesUploadCancel7208 = queuedTransaction({
  infno: '7208',
  name: '药品销售出库明细撤销',
  mode: 'queued',
  input: dataNode({ hi_rxno: text, sel_retn_time: text }),
  output: uploadReply,
  judge: msgCode([]),
  orderingKey: byPrescription,
});
