/**
 * Offline verifier of exported prescriptions (center-protocol §3, R-SIGN / R-LAYOUT):
 *   npm run rx -- verify <file.rx.json> [--ca <pem> ...] [--crl <file> ...] [--no-crl] [--at <ISO time>]
 * Prints one JSON line; exit 0 valid, 1 invalid, 2 usage or trust-store error.
 *   npm run rx -- export <hiRxno> [--out <file>]   writes a downloaded prescription as .rx.json
 *   npm run rx -- layout <file.pdf> [--against <file.rx.json>] [--region <id>]   reads a layout file
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadTrustStore, TrustStoreError } from '../src/center/rx/trust-store';
import { type RxVerdict, verdict } from '../src/center/rx/verdict';
import { verifyRxFileText } from '../src/center/rx/verify-rx';
import { parsedOr, ROOT, usageExit } from './lib/cli';
import { exportCommand } from './lib/rx-export-command';
import { layoutCommand } from './lib/rx-layout-command';

const DEFAULT_CA = path.join(ROOT, 'config/sandbox-ca.pem');
const DEFAULT_CRL_DIR = path.join(ROOT, '.data/app/trust/crl');

const USAGE = `用法：npm run rx -- verify <处方文件.rx.json> [选项]
  --ca <文件>     受信任的 CA 证书（PEM 或 DER，可多次指定；默认 config/sandbox-ca.pem）
  --crl <文件>    证书吊销列表（DER 或 PEM，可多次指定；默认读取 .data/app/trust/crl/*.crl）
  --no-crl        不检查吊销状态（结果中会注明）
  --at <时间>     按此时间判断证书有效期与吊销状态（ISO 8601，如 2026-03-01T08:00:00+08:00；默认当前时间）
输出一行 JSON；验证通过退出码 0，不通过 1，用法错误 2。
      npm run rx -- export <医保处方编号> [--out <文件>]   从本机柜台数据库导出处方文件（.rx.json）
      npm run rx -- layout <版式文件.pdf> [--against <处方文件.rx.json>] [--region <地区编码>]
                  读取医院版式文件：输出读到的字段（值、页码、位置）；加 --against 时输出逐项核对结果
                  （一致 matches / 不一致 differs / 未能读出 unread）；能读取文件时退出码 0`;

const usage: (message: string) => never = usageExit(USAGE);

function main(argv: string[]): number | Promise<number> {
  const { values, positionals } = parsedOr(() => parse(argv), usage);
  if (values.help) usage('医保电子处方离线验签工具');
  const [command, file, ...rest] = positionals;
  if (command === 'export') {
    if (!file) usage('缺少医保处方编号');
    return exportCommand(file, values.out);
  }
  if (command === 'layout') {
    if (!file) usage('缺少要读取的版式文件（PDF）');
    if (rest.length) usage(`多余的参数：${rest.join(' ')}`);
    return layoutCommand(file, { against: values.against, region: values.region });
  }
  if (command !== 'verify') usage(command ? `未知命令：${command}` : '缺少命令 verify');
  if (!file) usage('缺少要验证的处方文件');
  if (rest.length) usage(`多余的参数：${rest.join(' ')}`);
  if (values['no-crl'] && values.crl?.length) usage('--no-crl 与 --crl 不能同时使用');

  const at = values.at === undefined ? new Date() : new Date(values.at);
  if (Number.isNaN(at.getTime())) usage(`--at 不是有效的时间：${values.at}`);

  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    usage(`无法读取处方文件 ${file}：${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }

  const caFiles = values.ca?.length ? values.ca : [DEFAULT_CA];
  let trust: ReturnType<typeof loadTrustStore>;
  try {
    trust = loadTrustStore({
      caFiles,
      ...(values.crl?.length
        ? { crlFiles: values.crl }
        : values['no-crl']
          ? {}
          : { crlDir: DEFAULT_CRL_DIR }),
      requireCrl: !values['no-crl'],
    });
  } catch (e) {
    usage(e instanceof TrustStoreError ? `信任库加载失败：${e.message}` : String(e));
  }

  let v: RxVerdict = verifyRxFileText(text, { trust, at });
  if (v.code === 'CRL_MISSING') {
    v = verdict(
      'CRL_MISSING',
      '没有签发机构的证书吊销列表，无法确认签名证书未被吊销：请用 --crl <文件> 指定签发机构的吊销列表（确需跳过吊销检查时使用 --no-crl）',
      { ...(v.cert ? { cert: v.cert } : {}), warnings: v.warnings },
    );
  }
  const warnings = [...trust.warnings, ...v.warnings];
  const line = {
    valid: v.valid,
    reason: v.reason,
    code: v.code,
    cert: v.cert ?? null,
    ruleId: v.ruleId,
    ...(warnings.length ? { warnings } : {}),
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
  return v.valid ? 0 : 1;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      ca: { type: 'string', multiple: true },
      crl: { type: 'string', multiple: true },
      'no-crl': { type: 'boolean' },
      at: { type: 'string' },
      out: { type: 'string' },
      against: { type: 'string' },
      region: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

process.exitCode = await main(process.argv.slice(2));
