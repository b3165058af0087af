/**
 * Inspection export of the paper-prescription archive (R-PAPER-KEEP):
 *   npm run paper -- export --from yyyy-mm-dd --to yyyy-mm-dd --out <dir>
 * Reads the counter's database (EPC_DATA_DIR, default .data/app); writes
 * <dir>/paper-<from>_<to>/ with images/, index.json, index.csv and summary.pdf.
 * Exit 0 written, 1 an image failed its SM3 check, 2 usage error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../src/domain/errors';
import { createLogger } from '../src/services/logger';
import { writePaperExport } from '../src/services/paper/export-bundle';
import { openDatabase } from '../src/store/database';
import { PaperRepository } from '../src/store/paper-repository';
import { PaperSearchRepository } from '../src/store/paper-search-repository';

const ROOT = path.resolve(import.meta.dirname, '..');
const USAGE = `用法：npm run paper -- export --from <yyyy-mm-dd> --to <yyyy-mm-dd> --out <目录>
  按归档日期（北京时间）导出纸质处方影像、索引（index.json / index.csv，含SM3摘要）与汇总PDF
  数据目录取 EPC_DATA_DIR（默认 .data/app）`;

function usage(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function main(argv: string[]): number {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    usage(`参数错误：${(e as Error).message}`);
  }
  const { values, positionals } = parsed;
  if (positionals[0] !== 'export') usage('请指定子命令 export');
  const { from, to, out } = values;
  if (!from || !to || !out) usage('缺少 --from、--to 或 --out');
  const dataDir = process.env.EPC_DATA_DIR ?? path.join(ROOT, '.data/app');
  const dbFile = path.join(dataDir, 'counter.db');
  if (!fs.existsSync(dbFile)) usage(`找不到柜台数据库 ${dbFile}（可用 EPC_DATA_DIR 指定数据目录）`);
  const db = openDatabase(dbFile);
  try {
    const pharmacy = pharmacyOf();
    const result = writePaperExport(
      {
        repo: new PaperRepository(db),
        search: new PaperSearchRepository(db),
        log: createLogger(),
        pharmacy,
        now: () => new Date(),
      },
      { from, to },
      out,
    );
    process.stdout.write(`${JSON.stringify({ dir: result.dir, count: result.count })}\n`);
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
