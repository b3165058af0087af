import { AppError } from '../../domain/errors';
import type { SettlementContext } from './context';
import { requireSettleable, type Settleable } from './settle-gate';

/** How long settlement waits for the review's 7206 (it usually arrives within ~2 s). */
export const REVIEW_UPLOAD_WAIT_MS = 10_000;
const POLL_MS = 150;
/** A send that failed (timeout, 5xx) is tried again at most this often while waiting. */
const RESEND_MS = 1_000;

const reviewUploadPending = (err: unknown) =>
  err instanceof AppError && err.code === 'CONFLICT' && err.ruleId === 'R-OPINION';

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * requireSettleable, but a passed review whose 7206 is still in the outbox is waited for
 * (bounded): the outbox is asked to send now (again, at most once a second, after a failed
 * try), and the gate is asked again until the
 * center's rx_chk_biz_sn is recorded or the wait is over (R-OPINION). F5 right after the review
 * therefore previews instead of being refused, without the screen having to poll.
 */
export function settleableAfterReviewUpload(
  ctx: SettlementContext,
  dispensingId: number,
  waitMs = REVIEW_UPLOAD_WAIT_MS,
): Promise<Settleable> {
  return afterReviewUpload(ctx, () => requireSettleable(ctx, dispensingId), waitMs);
}

/** `check` again until it no longer waits for the review's 7206 (R-OPINION), bounded. */
export async function afterReviewUpload<T>(
  ctx: SettlementContext,
  check: () => T,
  waitMs = REVIEW_UPLOAD_WAIT_MS,
): Promise<T> {
  const until = Date.now() + waitMs;
  let sending = false;
  let lastSend = 0;
  for (;;) {
    try {
      return check();
    } catch (err) {
      if (!reviewUploadPending(err) || Date.now() >= until) throw err;
      if (!sending && Date.now() - lastSend >= RESEND_MS && ctx.outboxHastener) {
        sending = true;
        lastSend = Date.now();
        void ctx.outboxHastener.hasten().finally(() => {
          sending = false;
        });
      }
      await pause(POLL_MS);
    }
  }
}
