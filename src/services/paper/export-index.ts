import { csvField } from '../../domain/csv-field';
import { maskIdNumber, maskName } from '../../domain/mask';
import { formatBeijingDateTime } from '../../domain/policy/beijing-time';
import type { PaperRecord } from '../../store/paper-repository';
import { renderSummaryPdf } from './summary-pdf';

/**
 * The contents of the inspection archive (R-PAPER-KEEP, R-RECON). The index carries the full
 * patient name and ID number: the insurance bureau matches each paper prescription with the
 * insured person's settlements, which a masked number cannot do. The printable summary, which
 * may be handed around, masks both; so does every screen of the counter.
 */
export const PERSONAL_DATA_NOTICE =
  '本检查包的 index.json 与 index.csv 含患者完整姓名与身份证号，仅用于向医保部门报送检查，请妥善保管、勿外传';

export interface ExportMeta {
  pharmacy: { code: string; name: string };
  from: string;
  to: string;
  exportedAt: string;
}

export type IndexEntry = ReturnType<typeof indexEntry>;

export function indexEntry(r: PaperRecord, file: string) {
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

export function indexJson(meta: ExportMeta, entries: readonly IndexEntry[]): Buffer {
  const index = {
    ...meta,
    notice: PERSONAL_DATA_NOTICE,
    hashAlgorithm: 'SM3',
    count: entries.length,
    prescriptions: entries,
  };
  return Buffer.from(`${JSON.stringify(index, null, 2)}\n`, 'utf8');
}

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

/** UTF-8 with a byte-order mark and CRLF, so Excel opens the Chinese text correctly. */
export function indexCsv(entries: readonly IndexEntry[]): Buffer {
  const rows = entries.map((e) =>
    [
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
      .map(csvField)
      .join(','),
  );
  return Buffer.from(`\uFEFF${[CSV_HEADER.join(','), ...rows].join('\r\n')}\r\n`, 'utf8');
}

/** Printable A4 summary; names and ID numbers masked. */
export function summaryPdf(meta: ExportMeta, records: readonly PaperRecord[]): Buffer {
  const lines = [
    `药店：${meta.pharmacy.name}（${meta.pharmacy.code}）`,
    `归档期间：${meta.from} 至 ${meta.to}；共 ${records.length} 张纸质处方；导出时间：${meta.exportedAt}`,
    '影像摘要算法：SM3；各文件摘要见 manifest.json，处方明细见 index.json / index.csv',
    '保存期限不少于2年（R-PAPER-KEEP、R-KEEP）；本汇总中患者姓名与身份证号已脱敏',
    '',
    ...records.map(
      (r) =>
        `#${r.id} ${r.rxDate} ${r.institutionName} 编号${r.serialNo} 患者${maskName(r.patientName)} ` +
        `${maskIdNumber(r.patientCertno)} ${r.lines.map((l) => `${l.genname}×${l.quantity}`).join('、')} SM3:${r.imageSm3.slice(0, 16)}`,
    ),
  ];
  return renderSummaryPdf(`纸质外配处方归档汇总（${meta.from} 至 ${meta.to}）`, lines);
}
