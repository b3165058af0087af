/**
 * A witness of the audit chain kept outside the data folder (R-KEEP): the seq and hash of the
 * head at some moment, printed on a slip the manager signs and files (链尾凭条). Whoever can
 * rewrite the whole folder can make the chain and the anchor agree again, but not the paper: a
 * later check against the slip finds the entry changed or gone.
 *
 * Written as `<seq>:<hash>`; the slip prints the hash in groups of eight, so spaces are allowed.
 */
export interface AuditWitness {
  seq: number;
  hash: string;
}

export type WitnessStatus = 'ok' | 'mismatch' | 'missing';

export interface WitnessCheck extends AuditWitness {
  status: WitnessStatus;
  message: string;
}

const WITNESS = /^(\d{1,12})[:：]([0-9a-f]{64})$/;

/** Parses `<seq>:<hash>`; null when it is not one. */
export function parseWitness(text: string): AuditWitness | null {
  const m = WITNESS.exec(text.replace(/\s+/g, '').toLowerCase());
  if (!m?.[1] || !m[2]) return null;
  const seq = Number(m[1]);
  return seq >= 1 ? { seq, hash: m[2] } : null;
}

export function formatWitness(w: AuditWitness): string {
  return `${w.seq}:${w.hash}`;
}

/** The hash in groups of eight, as printed on the slip. */
export function groupedHash(hash: string): string {
  return hash.match(/.{1,8}/g)?.join(' ') ?? hash;
}

/** Compares the slip with the hash stored now at its seq (null: no such entry). */
export function checkWitness(w: AuditWitness, stored: string | null): WitnessCheck {
  if (stored === null)
    return {
      ...w,
      status: 'missing',
      message: `审计链中没有凭条上的第 ${w.seq} 条：该条及其后的记录被删除或截断`,
    };
  if (stored !== w.hash)
    return {
      ...w,
      status: 'mismatch',
      message: `第 ${w.seq} 条的摘要与凭条不符：审计日志在凭条打印之后被改写（连同锚点）`,
    };
  return { ...w, status: 'ok', message: `第 ${w.seq} 条与凭条一致` };
}
