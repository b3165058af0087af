import { randomUUID } from 'node:crypto';
import type { StoreRefusal } from '../../contract/types-store';
import type { StockRefusal } from '../../contract/types-store-stock';
import type { Db } from '../../store/database';
import {
  type QueuedPack,
  type StoreQueueItem,
  StoreQueueRepository,
} from '../../store/store-queue-repository';
import { type StoreClient, StoreRequestError } from '../../store-link/store-client';
import type { Logger } from '../logger';
import { clashView } from './clash-views';
import { saleReturnsOf } from './sale-returns';

/** How often a counter retries what it owes its store server while there is something to send. */
const RETRY_EVERY_MS = 10_000;

interface Deps {
  db: Db;
  link: StoreClient;
  log: Logger;
  now: () => Date;
  retryEveryMs?: number;
}

/**
 * What a counter of a store owes its store server (D42): returns of refunded or undone
 * dispensings and cash sales made while the server was unreachable. Each is written with the
 * local change (so nothing is lost and the refund never waits for the store), then delivered in
 * order with its own idempotency key (so the store applies it exactly once). An offline sale is
 * reconciled: packs another counter sold meanwhile are recorded as clashes with both sales, and
 * the rest are confirmed at the store.
 */
export function createStoreQueue(deps: Deps) {
  const repo = new StoreQueueRepository(deps.db);
  const saleReturns = saleReturnsOf(deps.db);
  const counts = () => {
    const c = repo.counts();
    return { ...c, pending: c.pending + saleReturns.pending().length };
  };
  const me = deps.link.counterId;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;

  const kickSoon = () => setImmediate(() => void deliverNow());

  /** Inside the refund's or 撤销调剂's transaction (SaleReturnRepository's listener). */
  function recordReturn(dispensingId: number, codes: string[], at: number): void {
    repo.enqueueReturn({ key: `return-${me}-${randomUUID()}`, dispensingId, codes, at });
    kickSoon();
  }

  /**
   * Inside the refund's transaction of a sale no dispensing backs (a 自费结算, D52): its packs,
   * sold at the store under `saleRef`, are returned there once.
   */
  function recordSaleReturn(saleRef: string, codes: string[], at: number): void {
    if (codes.length === 0) return;
    saleReturns.add({ key: `salereturn-${me}-${randomUUID()}`, saleRef, codes, at });
    kickSoon();
  }

  /**
   * Inside the offline cash sale's transaction. It keeps the sale reference and key of the
   * confirm that went unanswered: if that confirm did reach the store, the reconciling resend
   * gets its stored answer instead of a clash with itself.
   */
  function recordOfflineSale(saleRef: string, key: string) {
    return (saleId: number, packs: QueuedPack[], at: number): void =>
      repo.enqueueOfflineSale({ key, saleRef, saleId, packs, at });
  }

  async function deliverReturn(item: StoreQueueItem): Promise<void> {
    // Each pack back into the store batch its sale took it from (D53).
    await deps.link.call('stock.return', {
      idempotencyKey: item.idempotencyKey,
      saleRef: item.saleRef,
      codes: item.packs.map((p) => p.code),
    });
    repo.done(item.id, deps.now().getTime());
  }

  function clashOf(item: StoreQueueItem, r: StoreRefusal) {
    return {
      code: r.code,
      ourCounter: me,
      ourSaleRef: item.saleRef,
      ourSoldAt: item.createdAt,
      otherCounter: r.earlier?.counterId ?? null,
      otherSaleRef: r.earlier?.saleRef ?? null,
      otherSoldAt: r.earlier?.soldAt ?? null,
      reason: r.reason,
      message: r.message,
      foundAt: deps.now().getTime(),
    };
  }

  const lineOf = (p: QueuedPack) => ({
    code: p.code,
    medListCodg: p.medListCodg,
    unitsPerPack: null,
    unitsLeft: null,
    reusedUnits: null,
  });

  /**
   * The sale at the store, marked offline: sold whatever the store's quantity (the goods are
   * gone), shortfalls answered for the pharmacist (D49). If the counter's own online `stock.sell`
   * under this key reached the store after all, the store holds that request under the key: its
   * stored answer is read with the same body, and only a refused one is sold again, offline.
   */
  async function sellOffline(item: StoreQueueItem, round: number, packs: QueuedPack[]) {
    const lines = packs.map(lineOf);
    if (round > 0) {
      return deps.link.call('stock.sell', {
        idempotencyKey: `${item.idempotencyKey}-r${round}`,
        saleRef: item.saleRef,
        lines,
        offline: true,
      });
    }
    try {
      return await deps.link.call('stock.sell', {
        idempotencyKey: item.idempotencyKey,
        saleRef: item.saleRef,
        lines,
        offline: true,
      });
    } catch (e) {
      if (!(e instanceof StoreRequestError) || e.body.code !== 'IDEMPOTENCY_MISMATCH') throw e;
    }
    const online = await deps.link.call('stock.sell', {
      idempotencyKey: item.idempotencyKey,
      saleRef: item.saleRef,
      lines,
    });
    if (online.verdict === 'sold') return online;
    return deps.link.call('stock.sell', {
      idempotencyKey: `${item.idempotencyKey}-offline`,
      saleRef: item.saleRef,
      lines,
      offline: true,
    });
  }

  /**
   * Sells the unconfirmed packs at the store; each code refusal becomes a clash and the rest are
   * sent again; what the store's batches could not cover is flagged beside the clashes.
   */
  async function reconcileSale(item: StoreQueueItem): Promise<void> {
    for (;;) {
      const packs = [...(repo.pending().find((p) => p.id === item.id)?.packs ?? [])].sort((a, b) =>
        a.code < b.code ? -1 : 1,
      );
      if (packs.length === 0) return repo.done(item.id, deps.now().getTime());
      // One key per round: a resend after a crash gets the stored answer and applies nothing twice.
      const answer = await sellOffline(item, repo.clashCount(item.id), packs);
      if (answer.verdict === 'sold') {
        deps.db.transaction(() => {
          for (const f of answer.shortfalls)
            repo.flagShortfall(item.id, shortfallOf(item, f, packs));
          repo.done(item.id, deps.now().getTime());
        })();
        if (answer.shortfalls.length > 0) {
          deps.log.warn(
            `离线零售的药品门店库存不足（${answer.shortfalls.length} 种），已售出并记录待药师盘点：${item.saleRef}`,
          );
        }
        return;
      }
      const known = new Set(packs.map((p) => p.code));
      const clashes = answer.refusals.filter((r) => known.has(r.code));
      if (clashes.length === 0) throw new Error('门店服务器拒绝了离线销售但未指明追溯码');
      deps.db.transaction(() => {
        for (const r of clashes) repo.clash(item.id, clashOf(item, r));
      })();
      deps.log.warn(
        `离线零售追溯码与其他柜台冲突（${clashes.length} 个），已记录待药师核实：${item.saleRef}`,
      );
    }
  }

  function shortfallOf(item: StoreQueueItem, f: StockRefusal, packs: QueuedPack[]) {
    return {
      code: packs.find((p) => p.medListCodg === f.medListCodg)?.code ?? (packs[0]?.code as string),
      ourCounter: me,
      ourSaleRef: item.saleRef,
      ourSoldAt: item.createdAt,
      otherCounter: null,
      otherSaleRef: null,
      otherSoldAt: null,
      reason: f.reason,
      message: f.message,
      foundAt: deps.now().getTime(),
    };
  }

  async function deliverSaleReturns(): Promise<void> {
    for (const r of saleReturns.pending()) {
      await deps.link.call('stock.return', {
        idempotencyKey: r.key,
        saleRef: r.saleRef,
        codes: r.codes,
      });
      saleReturns.done(r.key);
    }
  }

  async function deliverAll(): Promise<void> {
    try {
      await deliverSaleReturns();
    } catch (e) {
      deps.log.warn(`门店服务器暂未收到本柜台的退回记录：${(e as Error).message}`);
      return;
    }
    for (const item of repo.pending()) {
      try {
        if (item.kind === 'return') await deliverReturn(item);
        else await reconcileSale(item);
      } catch (e) {
        // In order: a later item waits for an earlier one (a return after its sale).
        repo.failed(item.id, (e as Error).message);
        deps.log.warn(`门店服务器暂未收到本柜台的待送记录：${(e as Error).message}`);
        return;
      }
    }
  }

  /** Sends what is owed now (one run at a time); resolves when this run is over. */
  function deliverNow(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await deliverAll();
      } while (again && counts().pending > 0 && deps.link.status().reachable);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    recordReturn,
    recordSaleReturn,
    recordOfflineSale,
    deliverNow,
    counts,
    clashes: () => repo.clashes().map(clashView),
    start() {
      timer = setInterval(() => {
        if (counts().pending > 0) void deliverNow();
      }, deps.retryEveryMs ?? RETRY_EVERY_MS);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}

export type StoreQueue = ReturnType<typeof createStoreQueue>;
