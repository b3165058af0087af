import path from 'node:path';
import type { LastRestore } from '../../contract/types-backup';
import type { SessionRepository } from '../../store/session-repository';
import type { SettingsRepository } from '../../store/settings-repository';
import type { AuditRecord } from '../audit';
import type { Logger } from '../logger';
import { LAST_RESTORE_SETTING } from './backup-service';
import type { AppliedRestore } from './restore-request';

/**
 * After a staged restore was applied (or refused) at start, with the database open: the
 * restored trail records who asked for it and where the replaced database was kept (the
 * request itself is in the replaced database's trail), everybody logs in again, and the
 * backup panel can say what happened.
 */
export function recordAppliedRestore(
  applied: AppliedRestore,
  deps: {
    audit: { record(r: AuditRecord): unknown };
    settings: SettingsRepository;
    sessions: SessionRepository;
    log: Logger;
    now: () => Date;
  },
): void {
  const { request, check, replacedDir } = applied;
  const backupName = path.basename(request.backupDir);
  const refusal = check.ok ? null : (check.findings.find((f) => !f.ok)?.text ?? '检查未通过');
  if (check.ok) deps.sessions.deleteAll();
  const last: LastRestore = {
    at: deps.now().getTime(),
    ok: check.ok,
    backupName,
    username: request.username,
    replacedDir,
    refusal,
  };
  deps.settings.set(LAST_RESTORE_SETTING, last);
  deps.audit.record({
    action: 'backup.restored',
    outcome: check.ok ? 'ok' : 'refused',
    staffId: request.staffId,
    username: request.username,
    subject: backupName,
    detail: {
      requestedAt: request.requestedAt,
      replacedDir,
      backupCreatedAt: check.manifest?.createdAt ?? null,
      ...(refusal ? { refusal } : {}),
    },
  });
  deps.log.warn('backup.restoreApplied', { backup: backupName, ok: check.ok, replacedDir });
}
