import { out7204Schema } from '../rx/fsi-72xx';
import { MiB, syncTransaction } from './entry';
import { infcodeOnly } from './judges';
import { stringData } from './schema-parts';

/** Brings the layout file (a PDF, Base64) with its signature and certificates. */
export const rxDownload7204 = syncTransaction({
  infno: '7204',
  name: '电子处方下载（含版式文件）',
  mode: 'sync',
  input: stringData,
  output: out7204Schema,
  judge: infcodeOnly,
  replyCapBytes: 32 * MiB,
});
