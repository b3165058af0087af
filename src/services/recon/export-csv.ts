import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compactTime, dateTime } from '../../center/clock';
import { sm3Hex } from '../../center/crypto';
import type { ReconExportResult, ReconPeriodView } from '../../contract/types-recon';
import { csvField } from '../../domain/csv-field';
import { SETTLEMENT_STATE_LABELS } from '../../domain/lifecycle/state-labels';
import type { SettlementState } from '../../domain/lifecycle/states';
import { yuanText } from '../../domain/money';
import type { CenterSettlementRecord } from './center-records';
import type { LocalSettlement } from './local-records';

const HEADER = [
  '处方号',
  '结算ID',
  '结算时间',
  '本地状态',
  '中心状态',
  '医疗费总额（本地）',
  '医疗费总额（中心）',
  '基金支付（本地）',
  '基金支付（中心）',
  '个人账户（本地）',
  '个人账户（中心）',
  '个人现金（本地）',
  '个人现金（中心）',
  '核对结果',
  '差异说明',
];

const yuanCell = (fen: number | null | undefined) =>
  fen === null || fen === undefined ? '' : yuanText(fen);
const centerState = (c: CenterSettlementRecord | undefined) =>
  c === undefined ? '无记录' : c.stas === '1' ? '正常' : '已撤销/冲正';

/** Every cell formula-safe and quoted as RFC 4180 asks (csvField); CRLF records. */
const record = (cells: string[]) => `${cells.map(csvField).join(',')}\r\n`;

interface Compared {
  view: ReconPeriodView;
  local: LocalSettlement[];
  center: CenterSettlementRecord[];
}

/** One row per settlement of the period on either side, matched by setl_id, else msgid. */
function rows(c: Compared): string[][] {
  const bySetlId = new Map(c.center.map((x) => [x.setlId, x]));
  const byMsgid = new Map(c.center.map((x) => [x.msgid, x]));
  const used = new Set<CenterSettlementRecord>();
  const notes = (setlId: string | null, msgid: string | null) =>
    c.view.differences
      .filter((d) => (setlId && d.setlId === setlId) || (msgid && d.msgid === msgid))
      .map((d) => `${d.kindLabel}：${d.message}`);
  const row = (l: LocalSettlement | undefined, x: CenterSettlementRecord | undefined) => {
    const why = notes(l?.setlId ?? x?.setlId ?? null, l?.msgid ?? x?.msgid ?? null);
    return [
      l?.hiRxno ?? x?.hiRxno ?? '',
      l?.setlId ?? x?.setlId ?? '',
      l ? dateTime(new Date(l.at)) : (x?.setlTime ?? ''),
      l ? (SETTLEMENT_STATE_LABELS[l.state as SettlementState] ?? l.state) : '无记录',
      centerState(x),
      yuanCell(l?.medfeeFen),
      yuanCell(x?.medfeeFen),
      yuanCell(l?.fundFen),
      yuanCell(x?.fundFen),
      yuanCell(l?.acctFen),
      yuanCell(x?.acctFen),
      yuanCell(l?.cashFen),
      yuanCell(x?.cashFen),
      why.length === 0 ? '一致' : '不一致',
      why.join('；'),
    ];
  };
  const out = c.local.map((l) => {
    const x = (l.setlId ? bySetlId.get(l.setlId) : undefined) ?? byMsgid.get(l.msgid);
    if (x) used.add(x);
    return row(l, x);
  });
  for (const x of c.center) if (!used.has(x)) out.push(row(undefined, x));
  return out;
}

/**
 * <dataDir>/exports/对账_<from>_<to>_<time>.csv (temporary name, then renamed): the period's
 * totals on both sides, then one row per prescription's settlement (R-RECON).
 */
export function writeReconCsv(dataDir: string, c: Compared, at: Date): ReconExportResult {
  const v = c.view;
  const body = rows(c);
  const text =
    record([`对账明细 ${v.from} ~ ${v.to}`]) +
    record([
      '本地结算笔数',
      String(v.local.settlements),
      '本地医疗费总额',
      yuanCell(v.local.medfeeFen),
    ]) +
    record([
      '中心结算笔数',
      String(v.center.settlements),
      '中心医疗费总额',
      yuanCell(v.center.medfeeFen),
    ]) +
    record(['对总账（3201）', v.totalsBalanced ? '对平' : '不平', v.totalsText]) +
    record(['数据来源', v.source]) +
    '\r\n' +
    record(HEADER) +
    body.map(record).join('');
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  const dir = path.join(dataDir, 'exports');
  mkdirSync(dir, { recursive: true });
  const fileName = `对账_${v.from}_${v.to}_${compactTime(at)}.csv`;
  const file = path.join(dir, fileName);
  writeFileSync(`${file}.part`, bytes);
  renameSync(`${file}.part`, file);
  return {
    fileName,
    path: file,
    mime: 'text/csv; charset=utf-8',
    bytes: bytes.length,
    sm3: sm3Hex(bytes),
    base64: bytes.toString('base64'),
    rows: body.length,
  };
}
