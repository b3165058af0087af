import type { FsiTransaction } from '../context';
import { medicationRecords5205 } from './medication-records-5205';
import { personInfo1101 } from './person-info';
import { rxDownload7203 } from './rx-download-7203';
import { rxDownload7204 } from './rx-download-7204';
import { rxQrDecode7201 } from './rx-qr-decode';
import { rxQuery7202 } from './rx-query';
import { rxReviewUpload7206 } from './rx-review-upload';
import { rxSignVerify7205 } from './rx-sign-verify';
import { signIn9001, signOut9002 } from './sign-in-out';

/**
 * The FSI gateway's dispatch table, keyed by infno. Later transactions (7201–7208,
 * 2101–2103, 2601, 3501–3507) add one file each and one line here.
 */
export const FSI_TRANSACTIONS: Readonly<Record<string, FsiTransaction>> = {
  '9001': signIn9001,
  '9002': signOut9002,
  '1101': personInfo1101,
  '7201': rxQrDecode7201,
  '7202': rxQuery7202,
  '7203': rxDownload7203,
  '7204': rxDownload7204,
  '7205': rxSignVerify7205,
  '5205': medicationRecords5205,
  '7206': rxReviewUpload7206,
};
