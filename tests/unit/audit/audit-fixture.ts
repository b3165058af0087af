import {
  type AuditEntry,
  type AuditRow,
  GENESIS_HASH,
} from '../../../src/domain/audit/audit-entry';
import { createAuditArea } from '../../../src/services/audit';
import { sm3AuditHasher } from '../../../src/services/audit/audit-hasher';
import { silentLogger } from '../../../src/services/logger';
import { openDatabase } from '../../../src/store/database';
import { tempDir } from '../store/temp-dir';

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

/**
 * A counter database in a temp folder with one pharmacist (id 7, yaoshi) and an audit area on
 * it; `area()` opens another one on the same file and folder (a restart). `cleanups` gets the
 * closing and removal.
 */
export function auditCounter(cleanups: Array<() => void>, prefix = 'epc-audit-') {
  let clock = 1_767_225_600_000;
  const t = tempDir(prefix);
  const db = openDatabase(t.file('counter.db'));
  cleanups.push(() => {
    db.close();
    t.cleanup();
  });
  db.prepare(
    `INSERT INTO staff (id, username, display_name, role, pharmacist_code, password_hash, created_at)
     VALUES (7, 'yaoshi', '张敏', 'pharmacist', 'Y1', 'x', 0)`,
  ).run();
  const area = () =>
    createAuditArea({
      db,
      log: silentLogger,
      now: () => new Date(clock++),
      config: { dataDir: t.dir },
    });
  return { db, dir: t.dir, audit: area(), area };
}
