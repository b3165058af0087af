import { out7203Schema } from '../rx/fsi-72xx';
import { MiB, syncTransaction } from './entry';
import { infcodeOnly } from './judges';
import { stringData } from './schema-parts';

/** The prescription's detail without its layout file. */
export const rxDownload7203 = syncTransaction({
  infno: '7203',
  name: '电子处方下载',
  mode: 'sync',
  input: stringData,
  output: out7203Schema,
  judge: infcodeOnly,
  replyCapBytes: 4 * MiB,
});
