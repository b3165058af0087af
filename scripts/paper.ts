/**
 * Inspection archive of the paper prescriptions (R-PAPER-KEEP):
 *   npm run paper -- export --from yyyy-mm-dd --to yyyy-mm-dd [--out file.zip]
 * Reads the counter's database (EPC_DATA_DIR, default .data/app); writes one zip (images/,
 * index.json, index.csv, summary.pdf, manifest.json) to --out, or to <data>/exports/.
 * Prints {file, count, size, sm3}. Exit 0 written, 1 an image failed its SM3 check, 2 usage error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../src/domain/errors';
import { createLogger } from '../src/services/logger';
import { writePaperExportZip } from '../src/services/paper/export-zip';
import { openDatabase } from '../src/store/database';
import { PaperRepository } from '../src/store/paper-repository';
import { PaperSearchRepository } from '../src/store/paper-search-repository';
import { recordCliAction } from './lib/audit-cli';
import { counterDataDir, counterDbFile, parsedOr, ROOT, usageExit } from './lib/cli';

const USAGE = `用法：npm run paper -- export --from <yyyy-mm-dd> --to <yyyy-mm-dd> [--out <文件.zip>]
  按归档日期（北京时间）把纸质处方影像、索引（index.json / index.csv）、汇总PDF与
  文件清单（manifest.json，各文件SM3摘要）导出为一个 zip 检查包；
  未给 --out 时写入 <数据目录>/exports/；数据目录取 EPC_DATA_DIR（默认 .data/app）`;

const usage: (message: string) => never = usageExit(USAGE);

function main(argv: string[]): number {
  const { values, positionals } = parsedOr(() => parse(argv), usage);
  if (positionals[0] !== 'export') usage('请指定子命令 export');
  const { from, to, out } = values;
  if (!from || !to) usage('缺少 --from 或 --to');
  if (out !== undefined && !out.toLowerCase().endsWith('.zip')) usage('--out 须为 .zip 文件名');
  const dataDir = counterDataDir();
  const db$ = counterDbFile(dataDir);
  if (!db$.exists) usage(`找不到柜台数据库 ${db$.file}（可用 EPC_DATA_DIR 指定数据目录）`);
  const db = openDatabase(db$.file);
  try {
    const pharmacy = pharmacyOf();
    const result = writePaperExportZip(
      {
        repo: new PaperRepository(db),
        search: new PaperSearchRepository(db),
        log: createLogger(),
        pharmacy,
        now: () => new Date(),
      },
      { from, to },
      out ? { file: out } : { dir: path.join(dataDir, 'exports') },
    );
    const { path: file, count, size, sm3 } = result;
    recordCliAction(db, dataDir, createLogger(), {
      action: 'paper.export',
      outcome: 'ok',
      subject: `${from}~${to}`,
      detail: { from, to, count, size, sm3, file },
    });
    process.stdout.write(`${JSON.stringify({ file, count, size, sm3 })}\n`);
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      process.stderr.write(`${e.message}\n`);
      return e.code === 'VALIDATION' ? 2 : 1;
    }
    throw e;
  } finally {
    db.close();
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } },
  });
}

function pharmacyOf(): { code: string; name: string } {
  try {
    const c = JSON.parse(fs.readFileSync(path.join(ROOT, 'config/sandbox.json'), 'utf8'));
    return { code: c.pharmacy.fixmedinsCode, name: c.pharmacy.fixmedinsName };
  } catch {
    return { code: '', name: '' };
  }
}

process.exit(main(process.argv.slice(2)));
