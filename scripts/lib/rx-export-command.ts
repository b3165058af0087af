import fs from 'node:fs';
import path from 'node:path';
import { createLogger } from '../../src/services/logger';
import { toRxFile } from '../../src/services/rx-export';
import { openDatabase } from '../../src/store/database';
import { PrescriptionRepository } from '../../src/store/prescription-repository';
import { recordCliAction } from './audit-cli';
import { counterDataDir, counterDbFile } from './cli';

/**
 * `npm run rx -- export <hiRxno> [--out <file>]`: writes a downloaded prescription from the
 * counter's database (EPC_DATA_DIR, default .data/app) as `<hiRxno>.rx.json` for `rx verify`
 * or an inspector. Returns the exit code; prints the written path.
 */
export function exportCommand(hiRxno: string, out: string | undefined): number {
  const dataDir = counterDataDir();
  const { file: dbFile, exists } = counterDbFile(dataDir);
  if (!exists) {
    process.stderr.write(`找不到柜台数据库 ${dbFile}（可用 EPC_DATA_DIR 指定数据目录）\n`);
    return 2;
  }
  const db = openDatabase(dbFile);
  try {
    const p = new PrescriptionRepository(db).get(hiRxno);
    if (!p) {
      process.stderr.write(`本机数据库中没有处方 ${hiRxno}\n`);
      return 1;
    }
    const file = out ?? `${hiRxno}.rx.json`;
    fs.writeFileSync(file, `${JSON.stringify(toRxFile(p), null, 2)}\n`);
    recordCliAction(db, dataDir, createLogger(), {
      action: 'rx.export',
      outcome: 'ok',
      subject: hiRxno,
      detail: { file: path.resolve(file) },
    });
    process.stdout.write(`${path.resolve(file)}\n`);
    return 0;
  } finally {
    db.close();
  }
}
