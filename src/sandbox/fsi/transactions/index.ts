import type { FsiTransaction } from '../context';
import { personInfo1101 } from './person-info';
import { signIn9001, signOut9002 } from './sign-in-out';

/**
 * The FSI gateway's dispatch table, keyed by infno. Later transactions (7201–7208,
 * 2101–2103, 2601, 3501–3507) add one file each and one line here.
 */
export const FSI_TRANSACTIONS: Readonly<Record<string, FsiTransaction>> = {
  '9001': signIn9001,
  '9002': signOut9002,
  '1101': personInfo1101,
};
