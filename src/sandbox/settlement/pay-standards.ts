import type { SandboxDb } from '../db';
import type { AppliedPolicy } from './policy';

/**
 * Payment standards (支付标准) announced after config/sandbox-settlement.json was written, e.g.
 * a renegotiated dual-channel price: per pool area and drug, in fen, they replace the file's
 * value. Set through the control route `/x/sandbox/pay-standards` (tests and demos).
 */
export function setPayStandard(db: SandboxDb, poolarea: string, medListCodg: string, fen: number) {
  db.prepare(
    `INSERT INTO pay_standards (poolarea, med_list_codg, std_fen, set_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (poolarea, med_list_codg) DO UPDATE SET std_fen = excluded.std_fen, set_at = excluded.set_at`,
  ).run(poolarea, medListCodg, fen, Date.now());
}

export function clearPayStandards(db: SandboxDb): number {
  return db.prepare('DELETE FROM pay_standards').run().changes;
}

/** The policy with the standards announced for its pool area. */
export function withAnnouncedStandards(db: SandboxDb, policy: AppliedPolicy): AppliedPolicy {
  const rows = db
    .prepare('SELECT med_list_codg, std_fen FROM pay_standards WHERE poolarea = ?')
    .all(policy.region.poolarea) as Array<{ med_list_codg: string; std_fen: number }>;
  if (rows.length === 0) return policy;
  const announced = Object.fromEntries(rows.map((r) => [r.med_list_codg, r.std_fen]));
  const payStandardsFen = { ...policy.region.payStandardsFen, ...announced };
  return { ...policy, region: { ...policy.region, payStandardsFen } };
}
