import type { z } from 'zod';
import type { FsiResponse } from '../fsi-wrapper';
import { goodsDelete3507 } from './goods-delete-3507';
import type { BusinessVerdict } from './judges';
import { medicationRecords5205 } from './medication-records-5205';
import { personInfo1101 } from './person-info-1101';
import { presettle2101 } from './presettle-2101';
import { purchase3503 } from './purchase-3503';
import { purchaseReturn3504 } from './purchase-return-3504';
import { reconDetails3202 } from './recon-details-3202';
import { reconTotals3201 } from './recon-totals-3201';
import { reversal2601 } from './reversal-2601';
import { rxDownload7203 } from './rx-download-7203';
import { rxDownload7204 } from './rx-download-7204';
import { rxQrDecode7201 } from './rx-qr-decode-7201';
import { rxQuery7202 } from './rx-query-7202';
import { rxReviewUpload7206 } from './rx-review-upload-7206';
import { rxSignVerify7205 } from './rx-sign-verify-7205';
import { sale3505 } from './sale-3505';
import { saleReturn3506 } from './sale-return-3506';
import { salesUpload7207 } from './sales-upload-7207';
import { salesUploadCancel7208 } from './sales-upload-cancel-7208';
import { settle2102 } from './settle-2102';
import { settleCancel2103 } from './settle-cancel-2103';
import { signIn9001 } from './sign-in-9001';
import { signOut9002 } from './sign-out-9002';
import { stockChange3502 } from './stock-change-3502';
import { stocktake3501 } from './stocktake-3501';
import { supervisionCheck3101 } from './supervision-3101';
import { supervisionCheck3102 } from './supervision-3102';
import { supervisionFeedback3103 } from './supervision-feedback-3103';

export type { BusinessVerdict, SuccessJudge } from './judges';

/**
 * Every FSI transaction the counter may send, one file each: its name, input and output schemas,
 * how its business success is judged, whether it is queued or synchronous, and (queued) what
 * orders it. A call, a queued item and a delivery hook are typed by this table, so a transaction
 * without an entry cannot be sent, and a queued one without a decided delivery hook does not
 * compile (services/outbox-delivered-hooks.ts).
 */
export const TRANSACTIONS = {
  '9001': signIn9001,
  '9002': signOut9002,
  '1101': personInfo1101,
  '2101': presettle2101,
  '2102': settle2102,
  '2103': settleCancel2103,
  '2601': reversal2601,
  '3101': supervisionCheck3101,
  '3102': supervisionCheck3102,
  '3103': supervisionFeedback3103,
  '3201': reconTotals3201,
  '3202': reconDetails3202,
  '3501': stocktake3501,
  '3502': stockChange3502,
  '3503': purchase3503,
  '3504': purchaseReturn3504,
  '3505': sale3505,
  '3506': saleReturn3506,
  '3507': goodsDelete3507,
  '5205': medicationRecords5205,
  '7201': rxQrDecode7201,
  '7202': rxQuery7202,
  '7203': rxDownload7203,
  '7204': rxDownload7204,
  '7205': rxSignVerify7205,
  '7206': rxReviewUpload7206,
  '7207': salesUpload7207,
  '7208': salesUploadCancel7208,
} as const;

type Catalogue = typeof TRANSACTIONS;

/** Every FSI transaction the counter may send. */
export type FsiInfno = keyof Catalogue;

/** Transactions written into the outbox and delivered later. */
export type QueuedInfno = {
  [K in FsiInfno]: Catalogue[K]['mode'] extends 'queued' ? K : never;
}[FsiInfno];

/** The `input` node a call of `K` carries, as its schema accepts it. */
export type TransactionInput<K extends FsiInfno> = z.input<Catalogue[K]['input']>;

/** The `output` node of a reply to `K`, as its schema reads it. */
export type TransactionOutput<K extends FsiInfno> = z.output<Catalogue[K]['output']>;

/** What the ordering key of queued transaction `K` is made from. */
export type OrderingSubject<K extends QueuedInfno> = Parameters<Catalogue[K]['orderingKey']>[0];

export const FSI_INFNOS = Object.keys(TRANSACTIONS) as FsiInfno[];

export const QUEUED_INFNOS = FSI_INFNOS.filter(
  (k): k is QueuedInfno => TRANSACTIONS[k].mode === 'queued',
);

export function isFsiInfno(infno: string): infno is FsiInfno {
  return Object.hasOwn(TRANSACTIONS, infno);
}

/** The Chinese name staff read; an unknown number is shown as it is. */
export function transactionName(infno: string): string {
  return isFsiInfno(infno) ? TRANSACTIONS[infno].name : `交易 ${infno}`;
}

/** As in upload lists: `药品销售出库明细上传（7207）`. */
export function transactionLabel(infno: string): string {
  return isFsiInfno(infno) ? `${TRANSACTIONS[infno].name}（${infno}）` : infno;
}

/** Judges an infcode-0 reply to `infno`; a transaction without an entry is never counted a success. */
export function judgeBusinessResult(infno: string, res: FsiResponse): BusinessVerdict {
  if (!isFsiInfno(infno))
    return { kind: 'unreadable', words: `交易 ${infno} 未登记业务成功的判定方法` };
  return TRANSACTIONS[infno].judge(res);
}

/** The ordering key of a queued item, from what the transaction is ordered by. */
export function orderingKeyOf<K extends QueuedInfno>(
  infno: K,
  subject: OrderingSubject<K>,
): string | null {
  const key = TRANSACTIONS[infno].orderingKey as (s: OrderingSubject<K>) => string | null;
  return key(subject);
}

/** One-time credential paths inside `input` of a queued transaction's body (none for most). */
export function oneTimeCredentialPaths(infno: string): readonly string[] {
  if (!isFsiInfno(infno)) return [];
  const entry = TRANSACTIONS[infno];
  return entry.mode === 'queued' && 'oneTimeCredentials' in entry
    ? (entry.oneTimeCredentials ?? [])
    : [];
}
