import type { backupContract } from '../contract/contract-backup';
import { AppError } from '../domain/errors';
import type { AppServices } from '../services/app-services';
import { type HandlersFor, must } from './handler-context';

export function createBackupHandlers(s: AppServices): HandlersFor<typeof backupContract> {
  return {
    'backup.status': () => s.backup.status(),
    'backup.run': async () => {
      const last = await s.backup.run();
      if (!last.ok) throw new AppError('INTERNAL', last.error ?? '备份失败');
      return s.backup.status();
    },
    'backup.setFolder': (i) => s.backup.setFolder(i.folder),
    'backup.list': () => s.backup.list(),
    'log.export': (i) => s.logExport.exportLogs(i.folder),
    'log.rendererError': (i) => s.rendererErrors.report(i),
    'backup.check': (i) => s.backup.check(i.name),
    'backup.restore': (i, ctx) => {
      const session = must(ctx);
      return s.backup.requestRestore(i.name, {
        staffId: session.staff.id,
        username: session.staff.username,
      });
    },
  };
}
