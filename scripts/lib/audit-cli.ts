import os from 'node:os';
import { createAuditArea } from '../../src/services/audit';
import type { AuditRecord } from '../../src/services/audit/audit-writer';
import type { Logger } from '../../src/services/logger';
import type { Db } from '../../src/store/database';

/** The audit area of a command-line tool working on the counter's database directly. */
export function cliAudit(db: Db, dataDir: string, log: Logger) {
  return createAuditArea({ db, log, now: () => new Date(), config: { dataDir } });
}

/** Who ran a command-line tool: no staff session, so the operating-system account. */
export function cliActor(): Pick<AuditRecord, 'staffId' | 'username'> {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // no passwd entry (containers): keep "unknown"
  }
  return { staffId: null, username: `命令行:${user}` };
}

/**
 * Records what a command-line tool did (R-KEEP). A failure to record is reported on stderr but
 * does not undo what already happened.
 */
export function recordCliAction(
  db: Db,
  dataDir: string,
  log: Logger,
  record: Omit<AuditRecord, 'staffId' | 'username'>,
): void {
  try {
    cliAudit(db, dataDir, log).record({ ...record, ...cliActor() });
  } catch (e) {
    process.stderr.write(`审计日志写入失败：${String(e)}\n`);
  }
}
