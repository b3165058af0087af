import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PaperExportResult } from '../../api/types-paper';
import { AppError } from '../../domain/errors';
import { maskIdNumber, maskName } from '../../domain/mask';
import { addDays, isCalendarDate } from '../../domain/paper/paper-dates';
import { formatBeijingDateTime } from '../../domain/policy/beijing-time';
import type { PaperRecord, PaperRepository } from '../../store/paper-repository';
import type { PaperSearchRepository } from '../../store/paper-search-repository';
import type { Logger } from '../logger';
import { EXTENSIONS } from './image-codec';
import { renderSummaryPdf } from './summary-pdf';
import { verifiedImage } from './verified-image';

export interface ExportDeps {
  repo: PaperRepository;
  search: PaperSearchRepository;
  log: Logger;
  pharmacy: { code: string; name: string };
  now: () => Date;
}

/** Beijing midnight of a yyyy-MM-dd date, epoch ms. */
const beijingMidnight = (date: string) => Date.parse(`${date}T00:00:00+08:00`);

const CSV_HEADER = [
  'id',
  'status',
  'institution_code',
  'institution_name',
  'serial_no',
  'rx_date',
  'physician_name',
  'patient_name',
  'patient_certno',
  'long_rx',
  'drugs',
  'captured_at',
  'image_file',
  'image_mime',
  'image_size',
  'image_sm3',
];

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * The inspection bundle (R-PAPER-KEEP, R-RECON) of every paper prescription archived between
 * `from` and `to` (Beijing dates, inclusive) in `<outDir>/paper-<from>_<to>/`: images/ (each
 * image verified against its recorded SM3 first), index.json and index.csv (full data with the
 * hashes, for the insurance bureau) and summary.pdf (printable; names and ID numbers masked).
 */
export function writePaperExport(
  deps: ExportDeps,
  range: { from: string; to: string },
  outDir: string,
): PaperExportResult {
  if (!isCalendarDate(range.from) || !isCalendarDate(range.to) || range.from > range.to) {
    throw new AppError('VALIDATION', '导出日期范围无效：起始日期须不晚于结束日期（yyyy-MM-dd）');
  }
  const ids = deps.search.allIds({
    createdFrom: beijingMidnight(range.from),
    createdTo: beijingMidnight(addDays(range.to, 1)),
  });
  const records = deps.repo.many(ids);
  const dir = path.resolve(outDir, `paper-${range.from}_${range.to}`);
  mkdirSync(path.join(dir, 'images'), { recursive: true });
  const files: string[] = [];
  const entries = records.map((r) => {
    const image = verifiedImage(deps.repo, r, deps.log);
    const file = `images/${String(r.id).padStart(6, '0')}-${r.imageSm3.slice(0, 16)}.${EXTENSIONS[image.mime]}`;
    writeFileSync(path.join(dir, file), image.bytes);
    files.push(file);
    return indexEntry(r, file);
  });
  const exportedAt = formatBeijingDateTime(deps.now());
  const index = {
    pharmacy: deps.pharmacy,
    from: range.from,
    to: range.to,
    exportedAt,
    hashAlgorithm: 'SM3',
    count: entries.length,
    prescriptions: entries,
  };
  writeFileSync(path.join(dir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  const csv = [CSV_HEADER.join(','), ...entries.map((e) => csvRow(e))].join('\r\n');
  writeFileSync(path.join(dir, 'index.csv'), `\uFEFF${csv}\r\n`);
  writeFileSync(path.join(dir, 'summary.pdf'), summary(deps, range, exportedAt, records));
  deps.log.info('paper.exported', { from: range.from, to: range.to, count: entries.length });
  return {
    dir,
    from: range.from,
    to: range.to,
    count: entries.length,
    files: ['index.json', 'index.csv', 'summary.pdf', ...files],
  };
}

function indexEntry(r: PaperRecord, file: string) {
  return {
    id: r.id,
    status: r.status,
    institutionCode: r.institutionCode,
    institutionName: r.institutionName,
    serialNo: r.serialNo,
    rxDate: r.rxDate,
    physicianName: r.physicianName,
    patientName: r.patientName,
    patientCertno: r.patientCertno,
    longRx: r.longRx,
    lines: r.lines,
    capturedAt: formatBeijingDateTime(new Date(r.createdAt)),
    image: { file, mime: r.imageMime, size: r.imageSize, sm3: r.imageSm3 },
  };
}

function csvRow(e: ReturnType<typeof indexEntry>): string {
  return [
    e.id,
    e.status,
    e.institutionCode,
    e.institutionName,
    e.serialNo,
    e.rxDate,
    e.physicianName,
    e.patientName,
    e.patientCertno,
    e.longRx ? 1 : 0,
    e.lines.map((l) => `${l.genname}×${l.quantity}${l.unit}/${l.days}天`).join('；'),
    e.capturedAt,
    e.image.file,
    e.image.mime,
    e.image.size,
    e.image.sm3,
  ]
    .map(csvCell)
    .join(',');
}

function summary(
  deps: ExportDeps,
  range: { from: string; to: string },
  exportedAt: string,
  records: PaperRecord[],
): Buffer {
  const lines = [
    `药店：${deps.pharmacy.name}（${deps.pharmacy.code}）`,
    `归档期间：${range.from} 至 ${range.to}；共 ${records.length} 张纸质处方；导出时间：${exportedAt}`,
    '影像摘要算法：SM3（完整摘要见 index.json / index.csv）；保存期限不少于2年（R-PAPER-KEEP、R-KEEP）',
    '',
    ...records.map(
      (r) =>
        `#${r.id} ${r.rxDate} ${r.institutionName} 编号${r.serialNo} 患者${maskName(r.patientName)} ` +
        `${maskIdNumber(r.patientCertno)} ${r.lines.map((l) => `${l.genname}×${l.quantity}`).join('、')} SM3:${r.imageSm3.slice(0, 16)}`,
    ),
  ];
  return renderSummaryPdf(`纸质外配处方归档汇总（${range.from} 至 ${range.to}）`, lines);
}
