import type { DispensingState } from '../domain/lifecycle/states';
import type { Db } from './database';

export interface PaperSaleRow {
  paperId: number;
  dispensingId: number;
  dispensingState: DispensingState;
  settlementId: number | null;
  settlementState: string | null;
}

/**
 * The latest dispensing of each paper prescription (a cancelled one only when there is no
 * other) and that dispensing's latest settlement, for the archive's search and detail.
 */
export function paperSales(db: Db, paperIds: readonly number[]): Map<number, PaperSaleRow> {
  const out = new Map<number, PaperSaleRow>();
  if (paperIds.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT d.paper_id AS paperId, d.id AS dispensingId, d.state AS dispensingState,
         s.id AS settlementId, s.state AS settlementState
       FROM dispensings d
       LEFT JOIN settlements s ON s.id =
         (SELECT max(x.id) FROM settlements x WHERE x.dispensing_id = d.id)
       WHERE d.paper_id IN (SELECT value FROM json_each(?))
       ORDER BY d.paper_id, d.state = 'cancelled', d.id DESC`,
    )
    .all(JSON.stringify(paperIds)) as PaperSaleRow[];
  for (const r of rows) if (!out.has(r.paperId)) out.set(r.paperId, r);
  return out;
}
