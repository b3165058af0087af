import { randomUUID } from 'node:crypto';
import type { DispensingView, ScanVerdict } from '../../contract/types-dispense';
import type { StoreLinkView } from '../../contract/types-store';
import { remaining, type ScanRefusalReason } from '../../domain/dispense/scan-decision';
import { AppError } from '../../domain/errors';
import type { RuleId } from '../../domain/rules';
import { type StoreClient, StoreRequestError } from '../../store-link/store-client';
import type { AuthenticatedSession } from '../auth-service';
import type { Logger } from '../logger';
import { storeShortOfStock } from '../stock/store-shortage';
import type { StoreQueue } from '../store-queue/store-queue';
import type { DispenseService } from './dispense-service';

/** What the counter says when it cannot ask its store server (docs/store-server.md, offline table). */
export const STORE_UNREACHABLE_SCAN =
  '门店服务器无法连接：为防止同一盒药品在两个柜台重复销售，暂不能接受新的追溯码。请检查网络或联系管理员，恢复连接后重扫';
export const STORE_UNREACHABLE_COMPLETE =
  '门店服务器无法连接：追溯码未能在门店登记为已售，暂不能完成调剂。请检查网络或联系管理员，恢复连接后再完成';

/** The store server answered but refused the request itself (registration, clock, signature). */
function storeRefusedRequest(e: StoreRequestError): string {
  return `门店服务器拒绝了本柜台的请求（${e.message}），暂不能确认追溯码；请联系管理员核对柜台登记与电脑时间`;
}

/**
 * A counter of a store (issue 17): the local rules decide first, as for a single counter; a pack
 * they accept is then reserved at the store server before the scan is taken, and completion
 * sells the packs there (one transaction, idempotent) before the local completion. The store
 * server is the one truth of sold packs across counters; SQLite stays the working copy.
 */
export function linkDispenseToStore(
  d: DispenseService,
  link: StoreClient,
  queue: StoreQueue | null,
  log: Logger,
) {
  const saleRef = (id: number) => `dispensing-${id}`;
  const once = (what: string, id: number) => `${what}-${link.counterId}-${id}-${randomUUID()}`;

  async function release(id: number, codes: string[] | null): Promise<void> {
    if (codes !== null && codes.length === 0) return;
    try {
      await link.call('codes.release', {
        idempotencyKey: once('release', id),
        saleRef: saleRef(id),
        codes,
      });
    } catch (e) {
      // The reservation expires at the store server on its own; nothing is sold by leaving it.
      log.warn(`门店服务器释放追溯码失败（调剂单 ${id}）：${(e as Error).message}`);
    }
  }

  async function scan(
    session: AuthenticatedSession,
    id: number,
    raw: string,
  ): Promise<ScanVerdict> {
    const pack = d.previewScan(id, raw);
    if (!pack) return d.scan(session, id, raw);
    let refusal: {
      reason: ScanRefusalReason;
      ruleId: RuleId;
      message: string;
      code: string;
    } | null = null;
    try {
      const answer = await link.call('codes.reserve', {
        idempotencyKey: once('reserve', id),
        code: pack.code,
        medListCodg: pack.medListCodg,
        saleRef: saleRef(id),
        reusePack: pack.reusedPack,
      });
      if (answer.verdict === 'refused') refusal = answer.refusal;
    } catch (e) {
      log.warn(`门店服务器无法确认追溯码（调剂单 ${id}）：${(e as Error).message}`);
      refusal = {
        reason: 'STORE_UNREACHABLE',
        ruleId: 'R-TRACE-ONCE',
        message: STORE_UNREACHABLE_SCAN,
        code: pack.code,
      };
    }
    if (refusal) return d.refuseScan(session, id, raw, refusal);
    const verdict = d.scan(session, id, raw);
    if (verdict.verdict === 'refused' && !pack.reusedPack) await release(id, [pack.code]);
    return verdict;
  }

  async function removeCode(
    session: AuthenticatedSession,
    id: number,
    code: string,
  ): Promise<DispensingView> {
    const before = d.packsToSell(id).codes.map((c) => c.code);
    const v = d.removeCode(session, id, code);
    const after = new Set(d.packsToSell(id).codes.map((c) => c.code));
    await release(
      id,
      before.filter((c) => !after.has(c)),
    );
    return v;
  }

  async function cancel(session: AuthenticatedSession, id: number): Promise<DispensingView> {
    const v = d.cancel(session, id);
    await release(id, null);
    return v;
  }

  async function complete(session: AuthenticatedSession, id: number): Promise<DispensingView> {
    const { lines, codes } = d.packsToSell(id);
    // An incomplete dispensing is refused by the local rules (R-TRACE) before the store is asked.
    if (lines.some((l) => remaining(l, codes) > 0)) return d.complete(session, id);
    const key = once('confirm', id);
    let answer: Awaited<ReturnType<typeof link.call<'stock.sell'>>>;
    try {
      // The store's FEFO is the truth in store mode (D53): codes sold and stock taken at once.
      answer = await link.call('stock.sell', {
        idempotencyKey: key,
        saleRef: saleRef(id),
        lines: codes.map((c) => {
          const l = lines.find((x) => x.lineNo === c.lineNo);
          const split = l?.splitPack === true && l.unitsPerPack !== null;
          return {
            code: c.code,
            medListCodg: l?.medListCodg ?? '',
            unitsPerPack: split && !c.reusedPack ? (l?.unitsPerPack ?? null) : null,
            unitsLeft: split && !c.reusedPack ? (l?.unitsPerPack ?? 0) - (c.units ?? 0) : null,
            reusedUnits: c.reusedPack ? (c.units ?? 0) : null,
          };
        }),
      });
    } catch (e) {
      log.warn(`门店服务器无法登记售出（调剂单 ${id}）：${(e as Error).message}`);
      const message =
        e instanceof StoreRequestError ? storeRefusedRequest(e) : STORE_UNREACHABLE_COMPLETE;
      throw new AppError('CONFLICT', message, { ruleId: 'R-TRACE-ONCE' });
    }
    if (answer.verdict === 'refused' && answer.refusals.length > 0) {
      throw new AppError(
        'POLICY',
        `${answer.refusals.map((r) => `追溯码 ${r.code}：${r.message}`).join('；')}；请移除后重扫其他包装`,
        { ruleId: 'R-TRACE-ONCE' },
      );
    }
    if (answer.verdict === 'refused') {
      // Nothing was sold at the store; the scanned packs stay held for this dispensing.
      throw storeShortOfStock(
        answer.shortages,
        lines,
        '扫描的追溯码仍为本调剂单保留，入库后可再完成',
      );
    }
    try {
      return d.complete(session, id, answer.taken);
    } catch (e) {
      // The local completion refused (validity, a code refused meanwhile): the store's sale of
      // these packs is undone, and their stock goes back into the batches it left.
      await link
        .call('stock.return', {
          idempotencyKey: once('undo', id),
          saleRef: saleRef(id),
          codes: codes.filter((c) => !c.reusedPack).map((c) => c.code),
        })
        .catch((u: unknown) =>
          log.error(`门店服务器撤销售出失败（调剂单 ${id}）：${(u as Error).message}`),
        );
      throw e;
    }
  }

  function status(): StoreLinkView {
    const s = link.status();
    const owed = queue?.counts() ?? { pending: 0, unconfirmedCodes: 0, clashes: 0 };
    return {
      mode: 'counter',
      counterId: link.counterId,
      reachable: s.reachable,
      lastAnswerAt: s.lastAnswerAt,
      owed,
      message: s.reachable
        ? `门店模式：柜台 ${link.counterId}，门店服务器已连接`
        : `门店模式：柜台 ${link.counterId}，门店服务器未连接——暂不能接受新的追溯码（处方调剂须等待）；非处方药自费零售可离线完成，恢复连接后与门店核对`,
    };
  }

  async function probe(): Promise<StoreLinkView> {
    await link.call('store.status', {}).catch(() => undefined);
    // Back in touch: what was queued while cut off goes now (the timer would send it too).
    if (link.status().reachable && queue && queue.counts().pending > 0) await queue.deliverNow();
    return status();
  }

  return { scan, removeCode, cancel, complete, status, probe };
}
