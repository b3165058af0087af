import type { Statement } from 'better-sqlite3';
import { AppError } from '../domain/errors';
import type { Db } from './database';

/** FSI sign-out: ends the sign_no that earlier queued uploads still carry. */
const SIGN_OUT_INFNO = '9002';

export type OutboxChannel = 'fsi' | 'epc';
export type OutboxItemStatus = 'pending' | 'in_flight' | 'delivered' | 'parked';

/** A request the center must receive, frozen at enqueue time. */
export interface NewOutboxItem {
  /** The center's idempotency key: every resend carries this msgid. */
  msgid: string;
  channel: OutboxChannel;
  infno: string;
  /** The complete request JSON as it goes on the wire; never rebuilt. */
  body: string;
  /** Items sharing a key are delivered strictly in enqueue order (e.g. one sale's uploads). */
  orderingKey?: string | null;
}

export interface OutboxItem {
  id: number;
  msgid: string;
  channel: OutboxChannel;
  infno: string;
  body: string;
  orderingKey: string | null;
  status: OutboxItemStatus;
  /** Sends started (counted when claimed, so a send cut short by a crash counts too). */
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  /** The center's answer as JSON text, once delivered. */
  response: string | null;
  createdAt: number;
  updatedAt: number;
  deliveredAt: number | null;
}

export interface OutboxFilter {
  status?: OutboxItemStatus | OutboxItemStatus[];
  channel?: OutboxChannel;
  orderingKey?: string;
  limit?: number;
  offset?: number;
}

/** The status bar's figures: OutboxStatus in src/contract/types.ts without the worker's circuit. */
export interface OutboxCounts {
  pending: number;
  parked: number;
  delivered: number;
  oldestPendingAgeMs: number | null;
  lastError: string | null;
}

interface Row {
  id: number;
  msgid: string;
  channel: OutboxChannel;
  infno: string;
  body: string;
  ordering_key: string | null;
  status: OutboxItemStatus;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  response: string | null;
  created_at: number;
  updated_at: number;
  delivered_at: number | null;
}

/** Longest error text kept per item: enough to read, bounded so a huge HTML error page cannot bloat the file. */
const MAX_ERROR_CHARS = 2_000;

/**
 * The outbox table. Every method is synchronous, so `enqueue` can run inside the caller's own
 * `db.transaction` together with the local change it reports: both commit, or neither does.
 *
 * Life of an item: pending → in_flight (claimed) → delivered | pending (retry) | parked.
 * A parked item waits for a person (`requeueParked`); nothing undelivered is ever deleted
 * (a trigger refuses it) and the request columns are frozen (another trigger).
 */
export class OutboxRepository {
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /** Prepared once per repository: preparing costs more than running these small statements. */
  private sql(text: string): Statement {
    let stmt = this.statements.get(text);
    if (!stmt) {
      stmt = this.db.prepare(text);
      this.statements.set(text, stmt);
    }
    return stmt;
  }

  /**
   * Queues a request. Enqueuing the same msgid again with the identical request is a no-op
   * returning the existing item (safe to repeat); the same msgid with a different request is
   * refused, since the center would treat the second as a duplicate of the first.
   */
  enqueue(item: NewOutboxItem): OutboxItem {
    if (!item.msgid) throw new AppError('VALIDATION', '上传请求缺少报文编号（msgid）');
    const existing = this.findByMsgid(item.msgid);
    if (existing) {
      const same =
        existing.channel === item.channel &&
        existing.infno === item.infno &&
        existing.body === item.body &&
        existing.orderingKey === (item.orderingKey ?? null);
      if (same) return existing;
      throw new AppError(
        'CONFLICT',
        `报文编号（msgid）${item.msgid} 已用于另一笔上传请求，请重新生成后再试`,
      );
    }
    if (item.channel !== 'fsi' && item.channel !== 'epc') {
      throw new AppError('VALIDATION', `未知的上传通道：${String(item.channel)}`);
    }
    if (!isJson(item.body)) {
      throw new AppError('VALIDATION', `上传请求 ${item.msgid} 的报文不是有效的 JSON`);
    }
    const now = this.now();
    const orderingKey = item.orderingKey ?? null;
    const result = this.sql(
      `INSERT INTO outbox (msgid, channel, infno, body, ordering_key, status, attempts, next_attempt_at,
                           created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)`,
    ).run(item.msgid, item.channel, item.infno, item.body, orderingKey, now, now, now);
    return {
      id: Number(result.lastInsertRowid),
      msgid: item.msgid,
      channel: item.channel,
      infno: item.infno,
      body: item.body,
      orderingKey,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
      response: null,
      createdAt: now,
      updatedAt: now,
      deliveredAt: null,
    };
  }

  /**
   * Marks up to `limit` due items in_flight and returns them, oldest first. An item with an
   * ordering key is eligible only while it is the oldest undelivered item of its key, so a
   * parked or retrying item holds back its own key and nothing else. A sign-out (9002) waits
   * until the uploads queued earlier under the same sign_no have gone (delivered or parked):
   * the center refuses requests whose sign-in has ended.
   */
  claimDue(now: number, limit: number): OutboxItem[] {
    const claim = this.db.transaction(() => {
      const rows = this.sql(
        `SELECT o.* FROM outbox o
           WHERE o.status = 'pending' AND o.next_attempt_at <= @now
             AND (o.ordering_key IS NULL OR NOT EXISTS (
               SELECT 1 FROM outbox e
               WHERE e.ordering_key = o.ordering_key AND e.status <> 'delivered' AND e.id < o.id))
             AND (o.infno <> '${SIGN_OUT_INFNO}' OR NOT EXISTS (
               SELECT 1 FROM outbox e
               WHERE e.status IN ('pending', 'in_flight') AND e.id < o.id
                 AND e.infno <> '${SIGN_OUT_INFNO}'
                 AND json_extract(e.body, '$.sign_no') = json_extract(o.body, '$.sign_no')))
           ORDER BY o.id
           LIMIT @limit`,
      ).all({ now, limit: Math.max(0, Math.floor(limit)) }) as Row[];
      const mark = this.sql(
        `UPDATE outbox SET status = 'in_flight', attempts = attempts + 1, updated_at = ?
         WHERE id = ? AND status = 'pending'`,
      );
      for (const r of rows) mark.run(now, r.id);
      return rows.map((r) =>
        toItem({ ...r, status: 'in_flight', attempts: r.attempts + 1, updated_at: now }),
      );
    });
    return claim.immediate();
  }

  /**
   * Runs `work` (marks of a finished batch) as one durable commit: one fsync for the batch
   * instead of one per item. Safe because an item left in flight by a crash before the commit
   * is resent with the same msgid, which the center deduplicates.
   */
  inOneCommit<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  /**
   * The center has it. Accepted from any undelivered state, since a reply that arrives after
   * a restart is still the truth; a second call keeps the first response.
   */
  markDelivered(id: number, response: unknown): boolean {
    const now = this.now();
    return (
      this.sql(
        `UPDATE outbox SET status = 'delivered', response = ?, delivered_at = ?, updated_at = ?, last_error = NULL
           WHERE id = ? AND status <> 'delivered'`,
      ).run(responseText(response), now, now, id).changes === 1
    );
  }

  /**
   * Replaces a delivered body by its redacted form (migration 18 allows this once, after
   * delivery, and nothing else): the one-time credentials it carried are gone.
   */
  redactDeliveredBody(id: number, body: string): boolean {
    return (
      this.sql(
        `UPDATE outbox SET body = ?, credentials_redacted_at = ?
           WHERE id = ? AND status = 'delivered' AND credentials_redacted_at IS NULL`,
      ).run(body, this.now(), id).changes === 1
    );
  }

  /** Delivered items of these transactions whose credentials are still in the body. */
  deliveredNotRedacted(
    infnos: readonly string[],
  ): Array<{ id: number; infno: string; body: string }> {
    if (infnos.length === 0) return [];
    return this.sql(
      `SELECT id, infno, body FROM outbox
        WHERE status = 'delivered' AND credentials_redacted_at IS NULL
          AND infno IN (${infnos.map(() => '?').join(', ')})`,
    ).all(...infnos) as Array<{ id: number; infno: string; body: string }>;
  }

  /** Back to pending, due again at `nextAttemptAt`. Only an in_flight item can be retried. */
  markRetry(id: number, error: string, nextAttemptAt: number): boolean {
    return (
      this.sql(
        `UPDATE outbox SET status = 'pending', last_error = ?, next_attempt_at = ?, updated_at = ?
           WHERE id = ? AND status = 'in_flight'`,
      ).run(bound(error), nextAttemptAt, this.now(), id).changes === 1
    );
  }

  /** Needs a person (e.g. a business refusal): kept, listed, and holding back its ordering key. */
  markParked(id: number, error: string): boolean {
    return (
      this.sql(
        `UPDATE outbox SET status = 'parked', last_error = ?, updated_at = ?
           WHERE id = ? AND status = 'in_flight'`,
      ).run(bound(error), this.now(), id).changes === 1
    );
  }

  /**
   * A counter of a store (D43): items still to hand over to the store server, in id order. A
   * parked item stays here for a person; it is handed over when a person sends it again.
   */
  handOverDue(afterId: number, limit: number): OutboxItem[] {
    return (
      this.sql(
        `SELECT * FROM outbox WHERE id > ? AND status IN ('pending', 'in_flight') ORDER BY id LIMIT ?`,
      ).all(afterId, Math.max(0, Math.floor(limit))) as Row[]
    ).map(toItem);
  }

  /** The oldest item the center has not confirmed (a store counter pulls outcomes from it on). */
  oldestUndeliveredId(): number | null {
    const row = this.sql(`SELECT min(id) AS id FROM outbox WHERE status <> 'delivered'`).get() as {
      id: number | null;
    };
    return row.id;
  }

  /**
   * The store's deliverer parked an item this counter handed over (D43): it waits for a person
   * here too, with the center's words.
   */
  markParkedAtStore(id: number, error: string): boolean {
    return (
      this.sql(
        `UPDATE outbox SET status = 'parked', last_error = ?, updated_at = ?
           WHERE id = ? AND status IN ('pending', 'in_flight')`,
      ).run(bound(error), this.now(), id).changes === 1
    );
  }

  /** A person says "send again": the same frozen request goes out at the next drain. */
  requeueParked(id: number): OutboxItem {
    const item = this.get(id);
    if (!item) throw new AppError('NOT_FOUND', `外发队列中没有编号为 ${id} 的请求`);
    if (item.status !== 'parked') {
      throw new AppError('CONFLICT', `请求 ${item.msgid} 当前不是“已搁置”状态，无需重新发送`);
    }
    const now = this.now();
    this.sql(
      `UPDATE outbox SET status = 'pending', next_attempt_at = ?, updated_at = ? WHERE id = ? AND status = 'parked'`,
    ).run(now, now, id);
    return this.mustGet(id);
  }

  /**
   * Start-up: whatever was in flight when the program stopped may or may not have reached the
   * center, so it goes back to pending and is resent with the same msgid and body, which the
   * center deduplicates. Returns how many items were recovered.
   */
  recoverInFlight(): number {
    const now = this.now();
    return this.sql(
      `UPDATE outbox SET status = 'pending', next_attempt_at = min(next_attempt_at, ?), updated_at = ?
         WHERE status = 'in_flight'`,
    ).run(now, now).changes;
  }

  /** "Send now": retries waiting out their backoff become due at once (parked items stay parked). */
  expedite(now: number = this.now()): number {
    return this.sql(
      `UPDATE outbox SET next_attempt_at = ? WHERE status = 'pending' AND next_attempt_at > ?`,
    ).run(now, now).changes;
  }

  /**
   * For the status bar. `pending` counts everything undelivered that is not parked (waiting or
   * in flight); `oldestPendingAgeMs` is the age of the oldest of those; `lastError` is the
   * latest error of an item still undelivered (parked included), so a cleared problem stops
   * showing.
   */
  status(now: number): OutboxCounts {
    const groups = this.sql(
      'SELECT status, count(*) AS n, min(created_at) AS oldest FROM outbox GROUP BY status',
    ).all() as Array<{ status: OutboxItemStatus; n: number; oldest: number }>;
    const by = (status: OutboxItemStatus) => groups.find((g) => g.status === status);
    const waiting = [by('pending'), by('in_flight')].filter((g) => g !== undefined);
    const oldest = waiting.length > 0 ? Math.min(...waiting.map((g) => g.oldest)) : null;
    const err = this.sql(
      `SELECT last_error FROM outbox
       WHERE status IN ('pending', 'in_flight', 'parked') AND last_error IS NOT NULL
       ORDER BY updated_at DESC, id DESC LIMIT 1`,
    ).get() as { last_error: string } | undefined;
    return {
      pending: waiting.reduce((sum, g) => sum + g.n, 0),
      parked: by('parked')?.n ?? 0,
      delivered: by('delivered')?.n ?? 0,
      oldestPendingAgeMs: oldest === null ? null : Math.max(0, now - oldest),
      lastError: err?.last_error ?? null,
    };
  }

  /** Items in enqueue order. */
  list(filter: OutboxFilter = {}): OutboxItem[] {
    const where: string[] = [];
    const params: Array<string | number> = [];
    if (filter.status !== undefined) {
      const statuses = Array.isArray(filter.status) ? filter.status : [filter.status];
      if (statuses.length === 0) return [];
      where.push(`status IN (${statuses.map(() => '?').join(', ')})`);
      params.push(...statuses);
    }
    if (filter.channel !== undefined) {
      where.push('channel = ?');
      params.push(filter.channel);
    }
    if (filter.orderingKey !== undefined) {
      where.push('ordering_key = ?');
      params.push(filter.orderingKey);
    }
    const limit = filter.limit === undefined ? -1 : Math.max(0, Math.floor(filter.limit));
    const offset = Math.max(0, Math.floor(filter.offset ?? 0));
    const sql = `SELECT * FROM outbox ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT ? OFFSET ?`;
    return (this.sql(sql).all(...params, limit, offset) as Row[]).map(toItem);
  }

  get(id: number): OutboxItem | null {
    const row = this.sql('SELECT * FROM outbox WHERE id = ?').get(id) as Row | undefined;
    return row ? toItem(row) : null;
  }

  findByMsgid(msgid: string): OutboxItem | null {
    const row = this.sql('SELECT * FROM outbox WHERE msgid = ?').get(msgid) as Row | undefined;
    return row ? toItem(row) : null;
  }

  private mustGet(id: number): OutboxItem {
    const item = this.get(id);
    if (!item) throw new Error(`outbox item ${id} vanished`);
    return item;
  }
}

function toItem(r: Row): OutboxItem {
  return {
    id: r.id,
    msgid: r.msgid,
    channel: r.channel,
    infno: r.infno,
    body: r.body,
    orderingKey: r.ordering_key,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    response: r.response,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deliveredAt: r.delivered_at,
  };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function bound(error: string): string {
  return error.length > MAX_ERROR_CHARS ? `${error.slice(0, MAX_ERROR_CHARS)}…` : error;
}

/** Always JSON text (a string reply becomes a JSON string), so readers parse one format. */
function responseText(response: unknown): string | null {
  if (response === undefined) return null;
  try {
    return JSON.stringify(response) ?? null;
  } catch {
    return JSON.stringify(String(response));
  }
}
