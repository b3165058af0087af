import type { PaperIndexEntry } from '../contract/store-protocol-paper';
import type {
  PaperIndexLastAnswer,
  PaperIndexRecordAnswer,
  PaperIndexRow,
  PaperIndexSearchAnswer,
  PaperIndexState,
  PaperSeenAnswer,
} from '../contract/types-store-paper';
import { type Client, ms } from './database';
import type { Outcome } from './idempotent';

/**
 * The paper archive's store-wide index (R-PAPER-NO, R-PAPER-KEEP, D56): each counter's archive
 * entries, once per (counter, local id); an entry's state only moves from captured to dispensed.
 */
export async function recordPaperIndex(
  c: Client,
  me: string,
  entries: PaperIndexEntry[],
): Promise<Outcome<PaperIndexRecordAnswer>> {
  let recorded = 0;
  let dispensed = 0;
  for (const e of entries) {
    const stored = await c.query<{ fresh: boolean }>(
      `INSERT INTO paper_archive_index (paper_key, counter_id, local_id, captured_at, rx_date,
         image_sm3, record_sm3, captured_by, state)
       VALUES ($1, $2, $3, to_timestamp($4 / 1000.0), $5, $6, $7, $8, $9)
       ON CONFLICT (counter_id, local_id) DO UPDATE SET state = 'dispensed'
         WHERE paper_archive_index.state = 'captured' AND EXCLUDED.state = 'dispensed'
       RETURNING (xmax = 0) AS fresh`,
      [
        e.key,
        me,
        e.localId,
        e.capturedAt,
        e.rxDate,
        e.imageSm3,
        e.recordSm3,
        e.capturedBy,
        e.state,
      ],
    );
    const row = stored.rows[0];
    if (row?.fresh) recorded += 1;
    else if (row) dispensed += 1;
  }
  return {
    answer: { recorded, dispensed, alreadyKept: entries.length - recorded - dispensed },
    keep: true,
  };
}

export async function paperIndexLast(
  c: Pick<Client, 'query'>,
  me: string,
): Promise<PaperIndexLastAnswer> {
  const last = await c.query<{ last: string | null }>(
    'SELECT max(local_id)::text AS last FROM paper_archive_index WHERE counter_id = $1',
    [me],
  );
  const captured = await c.query<{ local_id: string }>(
    `SELECT local_id::text FROM paper_archive_index WHERE counter_id = $1 AND state = 'captured'
     ORDER BY local_id DESC LIMIT 500`,
    [me],
  );
  return {
    lastLocalId: Number(last.rows[0]?.last ?? 0),
    capturedLocalIds: captured.rows.map((r) => Number(r.local_id)),
  };
}

interface IndexRow {
  paper_key: string;
  counter_id: string;
  local_id: string;
  captured_at: Date;
  rx_date: string;
  image_sm3: string;
  record_sm3: string;
  captured_by: string;
  state: PaperIndexState;
}

const COLUMNS = `paper_key, counter_id, local_id::text, captured_at, rx_date::text, image_sm3,
  record_sm3, captured_by, state`;

function toRow(r: IndexRow): PaperIndexRow {
  return {
    key: r.paper_key,
    counterId: r.counter_id,
    localId: Number(r.local_id),
    capturedAt: ms(r.captured_at),
    rxDate: r.rx_date,
    imageSm3: r.image_sm3,
    recordSm3: r.record_sm3,
    capturedBy: r.captured_by,
    state: r.state,
  };
}

/** Every counter's archive of this paper, and who holds or settled it (rx_claims, R-STATUS). */
export async function paperSeen(c: Pick<Client, 'query'>, key: string): Promise<PaperSeenAnswer> {
  const archived = await c.query<IndexRow>(
    `SELECT ${COLUMNS} FROM paper_archive_index WHERE paper_key = $1 ORDER BY captured_at, id`,
    [key],
  );
  const claim = await c.query<{ counter_id: string; claimed_at: Date; settled_at: Date | null }>(
    'SELECT counter_id, claimed_at, settled_at FROM rx_claims WHERE hi_rxno = $1',
    [key],
  );
  const held = claim.rows[0];
  return {
    key,
    archived: archived.rows.map(toRow),
    claim: held
      ? {
          counterId: held.counter_id,
          claimedAt: ms(held.claimed_at),
          settledAt: held.settled_at === null ? null : ms(held.settled_at),
        }
      : null,
  };
}

export interface PaperIndexQuery {
  key: string | null;
  from: string | null;
  to: string | null;
  counterId: string | null;
  offset: number;
  limit: number;
}

/** The index by key (or part of it), capture period (Beijing dates, inclusive) and counter. */
export async function searchPaperIndex(
  c: Pick<Client, 'query'>,
  q: PaperIndexQuery,
): Promise<PaperIndexSearchAnswer> {
  const where = `($1::text IS NULL OR strpos(paper_key, $1) > 0)
    AND ($2::date IS NULL OR captured_at >= ($2::date::timestamp AT TIME ZONE 'Asia/Shanghai'))
    AND ($3::date IS NULL OR captured_at < (($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'))
    AND ($4::text IS NULL OR counter_id = $4)`;
  const args = [q.key, q.from, q.to, q.counterId];
  const total = await c.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM paper_archive_index WHERE ${where}`,
    args,
  );
  const rows = await c.query<IndexRow>(
    `SELECT ${COLUMNS} FROM paper_archive_index WHERE ${where}
     ORDER BY captured_at DESC, counter_id, local_id DESC OFFSET $5 LIMIT $6`,
    [...args, q.offset, q.limit],
  );
  return { total: Number(total.rows[0]?.n ?? 0), rows: rows.rows.map(toRow) };
}
