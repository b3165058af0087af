import { out7202Schema } from '../rx/fsi-72xx';
import { MiB, syncTransaction } from './entry';
import { infcodeOnly } from './judges';
import { stringData } from './schema-parts';

/** Lists a person's prescriptions. */
export const rxQuery7202 = syncTransaction({
  infno: '7202',
  name: '电子处方查询',
  mode: 'sync',
  input: stringData,
  output: out7202Schema,
  judge: infcodeOnly,
  replyCapBytes: 4 * MiB,
});
