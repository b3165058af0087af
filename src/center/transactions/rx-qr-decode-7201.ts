import { out7201Schema } from '../rx/fsi-72xx';
import { syncTransaction } from './entry';
import { infcodeOnly } from './judges';
import { stringData } from './schema-parts';

export const rxQrDecode7201 = syncTransaction({
  infno: '7201',
  name: '电子处方二维码解码',
  mode: 'sync',
  input: stringData,
  output: out7201Schema,
  judge: infcodeOnly,
});
