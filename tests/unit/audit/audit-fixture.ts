import {
  type AuditEntry,
  type AuditRow,
  GENESIS_HASH,
} from '../../../src/domain/audit/audit-entry';
import { sm3AuditHasher } from '../../../src/services/audit/audit-hasher';

/** A correctly linked chain of n entries, built with the real SM3 hasher. */
export function buildChain(n: number): AuditRow[] {
  const rows: AuditRow[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const entry: AuditEntry = {
      seq,
      at: 1_767_225_600_000 + seq * 1000,
      staffId: seq % 2 ? 1 : null,
      username: seq % 2 ? 'yaoshi' : null,
      action: seq % 3 ? 'auth.login' : 'review.pass',
      outcome: seq % 4 ? 'ok' : 'refused',
      subject: seq % 3 ? null : `H50010300001${seq}`,
      detail: { n: seq, nested: { ok: true, list: [1, 'a'] } },
    };
    const hash = sm3AuditHasher(prevHash, entry);
    rows.push({ ...entry, prevHash, hash });
    prevHash = hash;
  }
  return rows;
}

export { sm3AuditHasher };
