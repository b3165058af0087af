import type { ReportExportResult } from '../../contract/types-reports';
import { SELF_CHECK_ITEMS, type SelfCheckItem } from '../../domain/acceptance/self-check-items';
import { wrapToWidth } from '../../domain/pdf/cjk-text-pdf';
import { formatBeijingDateTime } from '../../domain/policy/beijing-time';
import { ruleCitationForUsers, SEED_DOCUMENTS } from '../../domain/rules';
import { renderSummaryPdf } from '../paper/summary-pdf';
import { csvBytes, textRecord } from './export/csv';
import { writeExportFile } from './export/write-export';

export const SELF_CHECK_TITLE = '定点零售药店接入验收自查表（处方流转）';

/** Printable width of the summary PDF's lines at its 9-point text (A4 less the margins). */
const LINE_WIDTH_PT = 515;

interface Pharmacy {
  code: string;
  name: string;
  /** The pool area: only the documents that govern it are cited. */
  admdvs: string;
}

const basis = (i: SelfCheckItem, admdvs: string) =>
  i.rules.map((r) => ruleCitationForUsers(r, admdvs)).join('；');

/** The self-check as text lines for the A4 PDF: the pharmacy, then one block per item. */
export function selfCheckLines(pharmacy: Pharmacy, at: Date): string[] {
  return [
    `定点机构名称：${pharmacy.name}    定点机构代码：${pharmacy.code}`,
    `自查时间：${formatBeijingDateTime(at)}    依据：${SEED_DOCUMENTS['004']} 附件5`,
    '',
    ...SELF_CHECK_ITEMS.flatMap((i) => [
      `${i.id}  ${i.item}  【${i.status}】`,
      `  本系统提供：${i.provides}`,
      `  功能位置：${i.where}`,
      ...(i.remark ? [`  情况反馈说明：${i.remark}`] : []),
      ...(i.rules.length > 0 ? [`  对应要求：${basis(i, pharmacy.admdvs)}`] : []),
      '',
    ]),
    '接入负责人及联系电话、验收确认人由药店与区县医保局填写。',
  ];
}

export function selfCheckCsv(pharmacy: Pharmacy): Buffer {
  let out = textRecord(['定点机构名称', pharmacy.name, '定点机构代码', pharmacy.code]);
  out += textRecord([
    '接入验收编号',
    '接入验收项',
    '状态',
    '本系统提供',
    '功能位置',
    '情况反馈说明',
  ]);
  for (const i of SELF_CHECK_ITEMS) {
    out += textRecord([i.id, i.item, i.status, i.provides, i.where, i.remark ?? '']);
  }
  return csvBytes(out);
}

/** The self-check (ST-EPC-02-001…013) as an A4 PDF or CSV under <data>/exports. */
export function exportSelfCheck(
  dataDir: string,
  pharmacy: Pharmacy,
  format: 'pdf' | 'csv',
  at: Date,
): ReportExportResult {
  const stem = 'acceptance-self-check';
  if (format === 'csv') {
    const file = { stem, ext: 'csv', mime: 'text/csv; charset=utf-8' };
    return writeExportFile(dataDir, file, selfCheckCsv(pharmacy), at);
  }
  const lines = selfCheckLines(pharmacy, at).flatMap((l) => wrapToWidth(l, 9, LINE_WIDTH_PT));
  const file = { stem, ext: 'pdf', mime: 'application/pdf' };
  return writeExportFile(dataDir, file, renderSummaryPdf(SELF_CHECK_TITLE, lines), at);
}
