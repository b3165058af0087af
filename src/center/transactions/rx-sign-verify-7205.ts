import { out7205Schema } from '../rx/fsi-72xx';
import { syncTransaction } from './entry';
import { verification } from './judges';
import { stringData } from './schema-parts';

export const rxSignVerify7205 = syncTransaction({
  infno: '7205',
  name: '电子处方签名核验',
  mode: 'sync',
  input: stringData,
  output: out7205Schema,
  judge: verification,
});
