import { z } from 'zod';
import { queuedTransaction } from './entry';
import { infcodeOnly } from './judges';
import { text } from './schema-parts';

/** A sign-out is queued behind everything sent under its sign-in (outbox-repository.ts). */
export const signOut9002 = queuedTransaction({
  infno: '9002',
  name: '签退',
  mode: 'queued',
  input: z.looseObject({ signOut: z.looseObject({ sign_no: text, opter_no: text }) }),
  output: z.looseObject({}),
  judge: infcodeOnly,
  orderingKey: (of: { signNo: string }) => `signin:${of.signNo}`,
});
