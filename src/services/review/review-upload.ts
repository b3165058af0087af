import type { FsiClient, FsiRequest } from '../../center/fsi-client';
import { out7206Schema, type RxChkUpInfo } from '../../center/rx/fsi-7206';
import type { OutboxItem } from '../../store/outbox-repository';
import type { ReviewRepository } from '../../store/review-repository';
import type { Logger } from '../logger';

export const REVIEW_UPLOAD_INFNO = '7206' as const;

/** The frozen 7206 request. The pharmacist's ec_token lives only here, never in the review row. */
export function build7206Request(
  fsi: FsiClient,
  info: RxChkUpInfo,
  operator: { username: string; displayName: string; signNo: string },
): FsiRequest & { readonly infno: typeof REVIEW_UPLOAD_INFNO } {
  return fsi.buildRequest({
    infno: REVIEW_UPLOAD_INFNO,
    input: { rx_chk_up_info: info },
    opter: operator.username,
    opterName: operator.displayName,
    signNo: operator.signNo,
  });
}

/** rx_chk_biz_sn from a delivered 7206 reply (the FSI response as the outbox stored it). */
export function rxChkBizSnOf(response: unknown): string | null {
  const output = (response as { output?: unknown } | null)?.output;
  const parsed = out7206Schema.safeParse(output);
  return parsed.success ? parsed.data.data.rx_chk_biz_sn : null;
}

/** Outbox delivered-hook for 7206: records the center's serial number on the review. */
export function reviewDeliveredHook(repo: ReviewRepository, log: Logger, now: () => Date) {
  return (item: OutboxItem, response: unknown): void => {
    const sn = rxChkBizSnOf(response);
    if (!sn) {
      log.warn('review.upload.unreadable', { msgid: item.msgid });
      return;
    }
    repo.recordUpload(item.msgid, sn, now().getTime());
    log.info('review.upload.delivered', { msgid: item.msgid, rxChkBizSn: sn });
  };
}
