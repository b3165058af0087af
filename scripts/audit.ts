/**
 * The counter's audit trail (R-KEEP):
 *   npm run audit -- verify [--witness <seq:hash>] [--data <dir>]
 *                                                     one Chinese verdict line; exit 0 intact, 1 broken
 *   npm run audit -- list --from yyyy-mm-dd --to yyyy-mm-dd [--action code] [--data <dir>]
 * The data directory defaults to EPC_DATA_DIR, else .data/app. Exit 2 on a usage error.
 */
import { parseArgs } from 'node:util';
import { parseWitness } from '../src/domain/audit/audit-witness';
import { createLogger } from '../src/services/logger';
import { openDatabase } from '../src/store/database';
import { cliAudit, recordCliAction } from './lib/audit-cli';
import { counterDataDir, counterDbFile, parsedOr, usageExit } from './lib/cli';

const USAGE = `用法：npm run audit -- verify [--witness <条号:摘要>] [--data <数据目录>]
      npm run audit -- list --from <yyyy-mm-dd> --to <yyyy-mm-dd> [--action <操作代码>] [--data <数据目录>]
  verify 校验审计日志的哈希链与链尾锚点，输出一行结论；完整退出码 0，被破坏 1，用法错误 2
  --witness  与打印的链尾凭条核对：该条的摘要须仍与凭条一致（整个数据目录被改写也能发现）
  --json  verify 输出完整结果（JSON）而非一行结论
  数据目录默认取 EPC_DATA_DIR（再默认 .data/app）`;

const usage: (message: string) => never = usageExit(USAGE);

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      data: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      action: { type: 'string' },
      json: { type: 'boolean' },
      witness: { type: 'string' },
    },
  });
}

function main(argv: string[]): number {
  const { values, positionals } = parsedOr(() => parse(argv), usage);
  const [command, ...rest] = positionals;
  if (command !== 'verify' && command !== 'list')
    usage(command ? `未知命令：${command}` : '缺少命令 verify 或 list');
  if (rest.length) usage(`多余的参数：${rest.join(' ')}`);
  const witness = values.witness === undefined ? undefined : parseWitness(values.witness);
  if (witness === null) usage('--witness 应为“条号:摘要”，摘要为 64 位十六进制');
  const dataDir = counterDataDir(values.data);
  const { file: dbFile, exists } = counterDbFile(dataDir);
  if (!exists) usage(`找不到柜台数据库 ${dbFile}（可用 --data 或 EPC_DATA_DIR 指定数据目录）`);

  const db = openDatabase(dbFile);
  try {
    const log = createLogger();
    const audit = cliAudit(db, dataDir, log);
    if (command === 'list') return list(audit, values);
    const v = audit.verify(witness);
    recordCliAction(db, dataDir, log, {
      action: 'audit.verify',
      outcome: 'ok',
      detail: {
        ok: v.ok,
        entries: v.entries,
        firstBrokenSeq: v.firstBroken?.seq ?? null,
        anchor: v.anchor.status,
        witnessSeq: v.witness?.seq ?? null,
        witness: v.witness?.status ?? null,
      },
    });
    process.stdout.write(values.json ? `${JSON.stringify(v)}\n` : `${v.verdict}\n`);
    return v.ok ? 0 : 1;
  } finally {
    db.close();
  }
}

function list(
  audit: ReturnType<typeof cliAudit>,
  values: { from?: string | undefined; to?: string | undefined; action?: string | undefined },
): number {
  const date = /^\d{4}-\d{2}-\d{2}$/;
  if (!values.from || !values.to || !date.test(values.from) || !date.test(values.to))
    usage('list 需要 --from 与 --to（yyyy-mm-dd）');
  const from = Date.parse(`${values.from}T00:00:00+08:00`);
  const to = Date.parse(`${values.to}T00:00:00+08:00`) + 24 * 60 * 60 * 1000;
  let page = 1;
  for (;;) {
    const p = audit.list({ from, to, action: values.action, page, pageSize: 200 });
    for (const e of p.entries) {
      const when = new Date(e.at).toLocaleString('zh-CN', {
        timeZone: 'Asia/Shanghai',
        hour12: false,
      });
      const who = e.username ?? '—';
      process.stdout.write(
        `${e.seq}\t${when}\t${who}\t${e.actionLabel}\t${e.outcomeLabel}\t${e.subject ?? ''}\t${JSON.stringify(e.detail)}\n`,
      );
    }
    if (page * p.pageSize >= p.total) return 0;
    page++;
  }
}

process.exitCode = main(process.argv.slice(2));
