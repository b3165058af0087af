import { randomUUID } from 'node:crypto';
import type { CancelledHeldView, DispensingView } from '../../contract/types-dispense';
import { AppError } from '../../domain/errors';
import { type StoreClient, StoreRequestError } from '../../store-link/store-client';
import type { AuthenticatedSession } from '../auth-service';
import type { Logger } from '../logger';

/** What the counter says when it cannot ask its store server who holds a prescription. */
export const STORE_UNREACHABLE_CLAIM =
  '门店服务器无法连接：无法确认该处方是否正在其他柜台调剂，为防止一张处方在两个柜台重复调剂，暂不能开始调剂。请检查网络或联系管理员，恢复连接后再试';

/** The store claim's key of a dispensing: the prescription number, or a paper prescription's rxno. */
const claimKeyOf = (v: DispensingView): string | null => v.hiRxno ?? (v.paper ? v.rxno : null);

/** A claim younger than this may belong to a start still under way: never released by reconcile. */
const RECONCILE_MIN_AGE_MS = 60_000;
const RECONCILE_EVERY_MS = 60_000;

interface Claimable {
  start(session: AuthenticatedSession, hiRxno: string): DispensingView;
  startPaper(session: AuthenticatedSession, paperId: number): DispensingView;
  /** A paper prescription's rxno, `<institution>-<serial>` (paperRxno): its claim's key. */
  paperRxnoOf(paperId: number): string;
  /** An open or completed dispensing of the prescription exists here. */
  isLive(hiRxno: string): boolean;
  get(id: number): DispensingView;
  cancel(session: AuthenticatedSession, id: number): Promise<DispensingView>;
  cancelHeld(session: AuthenticatedSession, id: number, reason: string): CancelledHeldView;
}

/**
 * A prescription's claim at the store server (issue 17, R-STATUS): `claim` holds it for this
 * counter (refused when another counter holds it, or when the store cannot be asked); `release`
 * gives it back, a failure only logged (the minute's reconciliation releases it later).
 */
export function storeRxClaims(link: StoreClient, log: Logger) {
  const once = (what: string, hiRxno: string) =>
    `rx${what}-${link.counterId}-${hiRxno.slice(0, 40)}-${randomUUID()}`.replace(
      /[^A-Za-z0-9:._-]/g,
      '_',
    );

  /** Claims the prescription for this counter; true when this call made the claim. */
  async function claim(hiRxno: string): Promise<boolean> {
    let answer: Awaited<ReturnType<typeof link.call<'rx.claim'>>>;
    try {
      answer = await link.call('rx.claim', { idempotencyKey: once('claim', hiRxno), hiRxno });
    } catch (e) {
      log.warn(`门店服务器无法确认处方归属（${hiRxno}）：${(e as Error).message}`);
      const message =
        e instanceof StoreRequestError
          ? `门店服务器拒绝了本柜台的请求（${e.message}），暂不能开始调剂；请联系管理员核对柜台登记与电脑时间`
          : STORE_UNREACHABLE_CLAIM;
      throw new AppError('CONFLICT', message, { ruleId: 'R-STATUS' });
    }
    if (answer.verdict === 'refused') {
      throw new AppError('POLICY', answer.message, { ruleId: answer.ruleId });
    }
    return answer.fresh;
  }

  async function release(hiRxno: string | null): Promise<void> {
    if (hiRxno === null) return;
    try {
      const answer = await link.call('rx.release', {
        idempotencyKey: once('release', hiRxno),
        hiRxno,
      });
      if (answer.verdict === 'refused') log.warn(`门店服务器未释放处方：${answer.message}`);
    } catch (e) {
      // The claim stays with this counter until reconcileNow finds no live dispensing behind it.
      log.warn(`门店服务器释放处方失败（${hiRxno}）：${(e as Error).message}`);
    }
  }

  return { claim, release };
}

export type StoreRxClaims = ReturnType<typeof storeRxClaims>;

/**
 * A counter of a store (issue 17, R-STATUS): a downloaded prescription is dispensed at one counter
 * only. Starting its dispensing claims it at the store server first (refused when another counter
 * holds it, or when the store cannot be asked); cancelling or undoing the dispensing releases it.
 * Its settlement keeps it (store-linked-settlements.ts).
 */
export function linkRxClaimsToStore(d: Claimable, link: StoreClient, log: Logger) {
  const { claim, release } = storeRxClaims(link, log);

  async function start(session: AuthenticatedSession, hiRxno: string): Promise<DispensingView> {
    const fresh = await claim(hiRxno);
    try {
      return d.start(session, hiRxno);
    } catch (e) {
      if (fresh) await release(hiRxno);
      throw e;
    }
  }

  /** A paper prescription is dispensed at one counter only too, claimed by its rxno (D50). */
  async function startPaper(
    session: AuthenticatedSession,
    paperId: number,
  ): Promise<DispensingView> {
    const key = d.paperRxnoOf(paperId);
    const fresh = await claim(key);
    try {
      return d.startPaper(session, paperId);
    } catch (e) {
      if (fresh) await release(key);
      throw e;
    }
  }

  async function cancel(session: AuthenticatedSession, id: number): Promise<DispensingView> {
    const v = await d.cancel(session, id);
    await release(claimKeyOf(v));
    return v;
  }

  async function cancelHeld(
    session: AuthenticatedSession,
    id: number,
    reason: string,
  ): Promise<CancelledHeldView> {
    const key = claimKeyOf(d.get(id));
    const v = d.cancelHeld(session, id, reason);
    await release(key);
    return v;
  }

  /**
   * Releases this counter's claims that no live dispensing here backs any more (a cancel whose
   * release did not reach the store); returns how many.
   */
  async function reconcileNow(minAgeMs = RECONCILE_MIN_AGE_MS): Promise<number> {
    const { held, serverTime } = await link.call('rx.held', {});
    let released = 0;
    for (const c of held) {
      if (serverTime - c.claimedAt < minAgeMs || d.isLive(c.hiRxno)) continue;
      await release(c.hiRxno);
      released++;
    }
    return released;
  }

  let timer: NodeJS.Timeout | null = null;
  return {
    start,
    startPaper,
    cancel,
    cancelHeld,
    reconcileNow,
    startReconciling() {
      timer ??= setInterval(() => {
        reconcileNow().catch((e: unknown) =>
          log.warn(`门店服务器处方归属核对失败：${(e as Error).message}`),
        );
      }, RECONCILE_EVERY_MS);
      timer.unref();
    },
    stopReconciling() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
