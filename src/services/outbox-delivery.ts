import {
  CenterError,
  type FsiClient,
  type FsiRequest,
  type FsiResponse,
} from '../center/fsi-client';
import type { OutboxItem } from '../store/outbox-repository';
import type { DeliverySignIns } from './delivery-sign-in';
import type { DeliveryOutcome } from './outbox-worker';

/** Sees a business refusal first; returns the error to park the item with, or null for the default. */
export type RefusedHook = (item: OutboxItem, errMsg: string) => string | null;

/**
 * Several areas' refusal hooks: each one sees the refusal (they record what it reveals); the
 * first explanation wins.
 */
export function allRefusedHooks(...hooks: RefusedHook[]): RefusedHook {
  return (item, errMsg) => {
    let explained: string | null = null;
    for (const hook of hooks) {
      const e = hook(item, errMsg);
      explained ??= e;
    }
    return explained;
  };
}

/**
 * Sends one frozen outbox request to the center and decides what happens to the item.
 * Done only when the transport code is 0 and the business result says success (the client
 * judges it by the transaction's catalogue entry, transactions/); a failed business result is parked like a refusal, in
 * the center's words; a system error (-1) or a lost reply is retried
 * with the same msgid, which the center deduplicates; a business refusal (-2) is parked
 * for a human, never dropped. `onRefused` lets an area explain a refusal (e.g. a prescription
 * revoked at the center while the counter was offline, rx-conflict.ts).
 */
export function fsiOutboxSender(
  fsi: FsiClient,
  onRefused?: RefusedHook,
  signIns?: DeliverySignIns,
) {
  return async (item: OutboxItem): Promise<DeliveryOutcome> => {
    if (item.channel !== 'fsi') return { kind: 'park', error: `未知的上传通道：${item.channel}` };
    try {
      const res = await sendUnderLiveSignIn(fsi, JSON.parse(item.body) as FsiRequest, signIns);
      if (res.infcode === 0) return { kind: 'delivered', response: res };
      if (res.infcode === -1)
        return { kind: 'retry', error: `医保中心系统错误：${res.err_msg ?? ''}` };
      const explained = onRefused?.(item, res.err_msg ?? '');
      const said = res.businessFailed ? '医保中心业务处理未成功' : '医保中心拒绝';
      return { kind: 'park', error: explained ?? `${said}：${res.err_msg || '未说明原因'}` };
    } catch (err) {
      if (err instanceof CenterError)
        return { kind: 'retry', error: `${err.kind}: ${err.message}` };
      return { kind: 'retry', error: String(err) };
    }
  };
}

/**
 * Sends the frozen request under a live sign-in: one already known to have ended is swapped for
 * the operator's renewal first; FsiClient.send renews one the center refuses on the way (same
 * msgid, same input; README, "Sign-in expiry"). 9001 and 9002 keep theirs: a sign-out names
 * the sign-in it ends.
 */
async function sendUnderLiveSignIn(
  fsi: FsiClient,
  frozen: FsiRequest,
  signIns: DeliverySignIns | undefined,
): Promise<FsiResponse> {
  if (!signIns || frozen.infno === '9001' || frozen.infno === '9002') return fsi.send(frozen);
  if (!signIns.isEnded(frozen.sign_no)) return fsi.send(frozen);
  return fsi.send({ ...frozen, sign_no: await signIns.fresh(frozen.opter, frozen.opter_name) });
}
