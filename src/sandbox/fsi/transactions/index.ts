import type { FsiTransaction } from '../context';
import { invChange3502 } from './inv-change-3502';
import { invDelete3507 } from './inv-delete-3507';
import { invPurchase3503 } from './inv-purchase-3503';
import { invPurchaseReturn3504 } from './inv-purchase-return-3504';
import { invSale3505 } from './inv-sale-3505';
import { invSaleReturn3506 } from './inv-sale-return-3506';
import { invStocktake3501 } from './inv-stocktake-3501';
import { medicationRecords5205 } from './medication-records-5205';
import { personInfo1101 } from './person-info';
import { pharmacyPresettle2101 } from './pharmacy-presettle-2101';
import { pharmacySettle2102 } from './pharmacy-settle-2102';
import { pharmacySettleCancel2103 } from './pharmacy-settle-cancel-2103';
import { reconDetails3202 } from './recon-details-3202';
import { reconTotals3201 } from './recon-totals-3201';
import { reversal2601 } from './reversal-2601';
import { rxDownload7203 } from './rx-download-7203';
import { rxDownload7204 } from './rx-download-7204';
import { rxQrDecode7201 } from './rx-qr-decode';
import { rxQuery7202 } from './rx-query';
import { rxReviewUpload7206 } from './rx-review-upload';
import { rxSignVerify7205 } from './rx-sign-verify';
import { salesUpload7207 } from './sales-upload-7207';
import { salesUploadCancel7208 } from './sales-upload-cancel-7208';
import { signIn9001, signOut9002 } from './sign-in-out';
import { supervisionCheck3101 } from './supervision-3101';
import { supervisionCheck3102 } from './supervision-3102';
import { supervisionFeedback3103 } from './supervision-feedback-3103';

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
  '3101': supervisionCheck3101,
  '3102': supervisionCheck3102,
  '3103': supervisionFeedback3103,
  '3201': reconTotals3201,
  '3202': reconDetails3202,
  '2101': pharmacyPresettle2101,
  '2102': pharmacySettle2102,
  '2103': pharmacySettleCancel2103,
  '2601': reversal2601,
  '7207': salesUpload7207,
  '7208': salesUploadCancel7208,
  '3501': invStocktake3501,
  '3502': invChange3502,
  '3503': invPurchase3503,
  '3504': invPurchaseReturn3504,
  '3505': invSale3505,
  '3506': invSaleReturn3506,
  '3507': invDelete3507,
};
