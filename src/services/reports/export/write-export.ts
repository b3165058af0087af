import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compactTime } from '../../../center/clock';
import { sm3Hex } from '../../../center/crypto';
import type { ReportExportFormat, ReportExportResult } from '../../../contract/types-reports';
import { PRIVATE_FILE_MODE, PRIVATE_FOLDER_MODE } from '../../../store/private-files';
import { renderCsv } from './csv';
import { renderReportPdf } from './pdf';
import type { ReportDocument } from './report-document';
import { renderXlsx } from './xlsx';

const FORMATS: Record<ReportExportFormat, { mime: string; render: (d: ReportDocument) => Buffer }> =
  {
    csv: { mime: 'text/csv; charset=utf-8', render: renderCsv },
    xlsx: {
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      render: renderXlsx,
    },
    pdf: { mime: 'application/pdf', render: renderReportPdf },
  };

export function renderExport(doc: ReportDocument, format: ReportExportFormat): Buffer {
  return FORMATS[format].render(doc);
}

/**
 * Writes <dataDir>/exports/<report>_<period>_<time>.<ext> (written to a temporary name, then
 * renamed, so a half-written file never carries the final name) and returns it for the
 * browser's download with its size and SM3 digest.
 */
export function writeExport(
  dataDir: string,
  doc: ReportDocument,
  format: ReportExportFormat,
  at: Date,
): ReportExportResult {
  const bytes = renderExport(doc, format);
  const dir = path.join(dataDir, 'exports');
  mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  const fileName = `${doc.fileStem}_${compactTime(at)}.${format}`;
  const file = path.join(dir, fileName);
  const partial = `${file}.part`;
  writeFileSync(partial, bytes, { mode: PRIVATE_FILE_MODE });
  renameSync(partial, file);
  return {
    fileName,
    path: file,
    mime: FORMATS[format].mime,
    bytes: bytes.length,
    sm3: sm3Hex(bytes),
    base64: bytes.toString('base64'),
  };
}
