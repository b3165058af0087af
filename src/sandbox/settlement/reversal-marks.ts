import type { SandboxDb } from '../db';
import { Refusal } from '../refusal';

export interface ReversalRow {
  omsgid: string;
  oinfno: string;
  fixmedins_code: string;
  msgid: string;
  rvs_rslt: string;
  setl_id: string | null;
  created_at: number;
}

export function findReversal(db: SandboxDb, omsgid: string): ReversalRow | null {
  return (
    (db.prepare('SELECT * FROM fsi_reversals WHERE omsgid = ?').get(omsgid) as
      | ReversalRow
      | undefined) ?? null
  );
}

export function recordReversal(db: SandboxDb, row: ReversalRow): void {
  db.prepare(
    `INSERT INTO fsi_reversals (omsgid, oinfno, fixmedins_code, msgid, rvs_rslt, setl_id, created_at)
     VALUES (@omsgid, @oinfno, @fixmedins_code, @msgid, @rvs_rslt, @setl_id, @created_at)`,
  ).run(row);
}

/** A message reversed by 2601 before it arrived is never processed afterwards. */
export function refuseIfReversed(db: SandboxDb, msgid: string): void {
  const r = findReversal(db, msgid);
  if (r) {
    throw new Refusal(`该报文（${msgid}）已被冲正（2601 报文 ${r.msgid}），中心不再受理`);
  }
}
