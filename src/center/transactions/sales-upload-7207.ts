import { byPrescription, queuedTransaction } from './entry';
import { msgCode } from './judges';
import { dataNode, text, uploadReply } from './schema-parts';

/** Ordered behind the prescription's 7206: the center needs the review's serial number first. */
export const salesUpload7207 = queuedTransaction({
  infno: '7207',
  name: '药品销售出库明细上传',
  mode: 'queued',
  input: dataNode({ hi_rxno: text, rx_chk_biz_sn: text, setl_id: text }),
  output: uploadReply,
  judge: msgCode(['msg_code']),
  orderingKey: byPrescription,
});
