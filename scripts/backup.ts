/**
 * Backups of the counter's database (issue 14):
 *   npm run backup -- run [--data <dir>]          one online backup now, into the configured folder
 *   npm run backup -- check <backup-folder>        checks a backup (manifest, SM3, integrity, schema, audit chain)
 *   npm run backup -- restore <backup-folder> [--data <dir>]
 *                                                  with the counter program closed: checks, keeps the
 *                                                  current database aside, restores
 * The data directory defaults to EPC_DATA_DIR, else .data/app. Exit 0 done, 1 refused, 2 usage.
 */
import { parseArgs } from 'node:util';
import { createBackupService, INSTITUTION_SETTING } from '../src/services/backup/backup-service';
import { checkBackup } from '../src/services/backup/check-backup';
import { restoreBackup } from '../src/services/backup/restore-backup';
import { createLogger } from '../src/services/logger';
import { isDataDirLocked } from '../src/store/data-dir-lock';
import { openDatabase } from '../src/store/database';
import { SettingsRepository } from '../src/store/settings-repository';
import { recordCliAction } from './lib/audit-cli';
import { counterDataDir, counterDbFile, parsedOr, usageExit } from './lib/cli';

const USAGE = `用法：npm run backup -- run [--data <数据目录>]
      npm run backup -- check <备份文件夹>
      npm run backup -- restore <备份文件夹> [--data <数据目录>]
  run      立即联机备份一次（柜台运行时也可），写入管理员设置的备份文件夹
  check    校验备份：清单、SM3 摘要、SQLite 完整性、数据结构版本、审计链
  restore  须先关闭柜台程序；校验通过后把当前数据库移到 replaced_<时间>/ 再恢复
  数据目录默认取 EPC_DATA_DIR（再默认 .data/app）`;
const usage: (message: string) => never = usageExit(USAGE);

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parsedOr(
    () =>
      parseArgs({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: { data: { type: 'string' } },
      }),
    usage,
  );
  const [command, target, ...rest] = positionals;
  if (rest.length) usage(`多余的参数：${rest.join(' ')}`);
  const dataDir = counterDataDir(values.data);
  const log = createLogger();

  if (command === 'check' || command === 'restore') {
    if (!target) usage('缺少备份文件夹');
    if (command === 'restore' && isDataDirLocked(dataDir)) {
      process.stderr.write(
        '柜台程序正在使用该数据目录：请先关闭柜台程序再恢复，本次未改动任何数据\n',
      );
      return 1;
    }
    const result =
      command === 'check'
        ? { check: await checkBackup(target), replacedDir: null }
        : await restoreBackup({ dataDir, backupDir: target });
    for (const f of result.check.findings) process.stdout.write(`${f.ok ? '✓' : '✗'} ${f.text}\n`);
    if (!result.check.ok) {
      process.stdout.write(
        command === 'restore' ? '未恢复：当前数据未作任何改动\n' : '备份不可用\n',
      );
      return 1;
    }
    if (command === 'restore') {
      const db = openDatabase(counterDbFile(dataDir).file);
      recordCliAction(db, dataDir, log, {
        action: 'backup.restore',
        subject: target,
        outcome: 'ok',
        detail: { replacedDir: result.replacedDir },
      });
      db.close();
      process.stdout.write(
        `已恢复。被替换的数据库保存在：${result.replacedDir ?? '（原无数据库）'}\n`,
      );
    }
    return 0;
  }
  if (command !== 'run') usage(command ? `未知命令：${command}` : '缺少命令 run、check 或 restore');
  const { file, exists } = counterDbFile(dataDir);
  if (!exists) usage(`找不到柜台数据库 ${file}（可用 --data 或 EPC_DATA_DIR 指定数据目录）`);
  const db = openDatabase(file);
  try {
    const settings = new SettingsRepository(db);
    const institutionCode = settings.get<string>(INSTITUTION_SETTING);
    if (!institutionCode) usage('该数据目录尚未由柜台程序运行过，无法确定机构编码');
    const backup = createBackupService({
      db,
      dataDir,
      settings,
      institutionCode,
      appVersion: 'cli',
      log,
      now: () => new Date(),
      restart: null,
    });
    const last = await backup.run();
    recordCliAction(db, dataDir, log, {
      action: 'backup.run',
      subject: last.folder,
      outcome: last.ok ? 'ok' : 'failed',
      detail: { bytes: last.bytes },
    });
    process.stdout.write(last.ok ? `已备份到 ${last.folder}\n` : `${last.error}\n`);
    return last.ok ? 0 : 1;
  } finally {
    db.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
