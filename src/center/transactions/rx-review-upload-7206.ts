import { z } from 'zod';
import { out7206Schema } from '../rx/fsi-7206';
import { byPrescription, queuedTransaction } from './entry';
import { msgCode } from './judges';
import { text } from './schema-parts';

export const rxReviewUpload7206 = queuedTransaction({
  infno: '7206',
  name: '审方结果上传',
  mode: 'queued',
  input: z.looseObject({
    rx_chk_up_info: z.object({ hi_rxno: text, rx_chk_stas_codg: text, phar_code: text }),
  }),
  output: out7206Schema,
  judge: msgCode(['msg_code', 'rx_chk_biz_sn']),
  orderingKey: byPrescription,
  oneTimeCredentials: ['rx_chk_up_info.ec_token'],
});
