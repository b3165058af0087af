import { z } from 'zod';
import { syncTransaction } from './entry';
import { carries } from './judges';
import { text } from './schema-parts';

export const signIn9001 = syncTransaction({
  infno: '9001',
  name: '签到',
  mode: 'sync',
  input: z.looseObject({ signIn: z.looseObject({ opter_no: text }) }),
  output: z.looseObject({ signinoutb: z.looseObject({ sign_no: text }) }),
  judge: carries('signinoutb.sign_no'),
});
