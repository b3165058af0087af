import { readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compactTime } from '../../center/clock';
import type { AppInfo } from '../../contract/types';
import type { LogExportResult } from '../../contract/types-backup';
import { AppError } from '../../domain/errors';
import type { Db } from '../../store/database';
import { currentVersion } from '../../store/migrations';
import { beijingDay, LOG_FILE_LIMITS, listLogFiles } from '../log-files';
import { ZipFileWriter } from '../paper/zip-file-writer';

/** Days of logs a support export carries. */
export const EXPORT_LOG_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * '导出日志' for support: a ZIP of the recent log files (already masked when written) and a
 * system-information file with no personal data (program, mode, schema version, outbox counts).
 */
export function createLogExport(deps: { db: Db; dataDir: string; info: AppInfo; now: () => Date }) {
  const logsDir = path.join(deps.dataDir, 'logs');

  function systemInfo(): Record<string, unknown> {
    const outbox = deps.db
      .prepare('SELECT status, count(*) AS n FROM outbox GROUP BY status ORDER BY status')
      .all() as Array<{ status: string; n: number }>;
    return {
      exportedAt: deps.now().toISOString(),
      version: deps.info.version,
      mode: deps.info.mode,
      sandbox: deps.info.sandbox,
      institutionCode: deps.info.pharmacy.code,
      schemaVersion: currentVersion(deps.db),
      outbox: Object.fromEntries(outbox.map((r) => [r.status, r.n])),
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      node: process.version,
      logLimits: LOG_FILE_LIMITS,
    };
  }

  return {
    logsDir,
    exportLogs(folder: string | null): LogExportResult {
      if (folder !== null && !path.isAbsolute(folder)) {
        throw new AppError('VALIDATION', '导出文件夹须为绝对路径');
      }
      if (folder !== null && !statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
        throw new AppError('VALIDATION', `导出文件夹 ${folder} 不存在`);
      }
      const at = deps.now();
      const since = beijingDay(new Date(at.getTime() - (EXPORT_LOG_DAYS - 1) * DAY_MS));
      const files = listLogFiles(logsDir).filter((n) => n.slice(4, 14) >= since);
      const target = path.join(
        folder ?? path.join(deps.dataDir, 'exports'),
        `柜台日志_${deps.info.pharmacy.code}_${compactTime(at)}.zip`,
      );
      const zip = new ZipFileWriter(target, at);
      let written: { size: number };
      try {
        for (const name of files) {
          zip.addDeflated(`logs/${name}`, readFileSync(path.join(logsDir, name)));
        }
        zip.addDeflated('系统信息.json', Buffer.from(`${JSON.stringify(systemInfo(), null, 2)}\n`));
        written = zip.finish();
      } catch (err) {
        zip.abort();
        throw err;
      }
      return { file: target, bytes: written.size, logFiles: files.length };
    },
  };
}
