import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sm3Hex } from '../../center/crypto';
import type { PaperExportResult } from '../../contract/types-paper';
import { addDays, isCalendarDate } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import { formatBeijingDateTime } from '../../domain/policy/beijing-time';
import type { PaperRepository } from '../../store/paper-repository';
import type { PaperSearchRepository } from '../../store/paper-search-repository';
import type { Logger } from '../logger';
import {
  type ExportMeta,
  type IndexEntry,
  indexCsv,
  indexEntry,
  indexJson,
  summaryPdf,
} from './export-index';
import { EXTENSIONS } from './image-codec';
import { verifiedImage } from './verified-image';
import { ZipFileWriter } from './zip-file-writer';

export interface ExportDeps {
  repo: PaperRepository;
  search: PaperSearchRepository;
  log: Logger;
  pharmacy: { code: string; name: string };
  now: () => Date;
}

/** Returned as Base64 for a browser download up to this size; larger archives: the path only. */
export const DOWNLOAD_MAX_BYTES = 50 * 1024 * 1024;
/** The zip format without its 64-bit extension ends at 4 GB; stay well inside it. */
export const EXPORT_MAX_IMAGE_BYTES = 2 * 1024 ** 3;

export interface ManifestEntry {
  name: string;
  size: number;
  sm3: string;
}

/** Beijing midnight of a yyyy-MM-dd date, epoch ms. */
const beijingMidnight = (date: string) => Date.parse(`${date}T00:00:00+08:00`);
const compact = (beijing: string) => beijing.replace(/\D/g, '');

/**
 * The inspection archive (R-PAPER-KEEP, R-RECON) of every paper prescription archived between
 * `from` and `to` (Beijing dates, inclusive) as one zip: images/ (each verified against the SM3
 * recorded at capture before it is written; a mismatch aborts the export), index.json and
 * index.csv, summary.pdf, and manifest.json naming every other entry with its size and SM3.
 * Written to `outFile`, or to `<outDir>/paper-archive-<from>_<to>-<time>.zip`.
 */
export function writePaperExportZip(
  deps: ExportDeps,
  range: { from: string; to: string },
  out: { dir: string } | { file: string },
): PaperExportResult {
  if (!isCalendarDate(range.from) || !isCalendarDate(range.to) || range.from > range.to) {
    throw new AppError('VALIDATION', '导出日期范围无效：起始日期须不晚于结束日期（yyyy-MM-dd）', {
      ruleId: 'R-PAPER-KEEP',
    });
  }
  const records = deps.repo.many(
    deps.search.allIds({
      createdFrom: beijingMidnight(range.from),
      createdTo: beijingMidnight(addDays(range.to, 1)),
    }),
  );
  const imageBytes = records.reduce((sum, r) => sum + r.imageSize, 0);
  if (imageBytes > EXPORT_MAX_IMAGE_BYTES) {
    throw new AppError(
      'VALIDATION',
      `该期间影像共 ${(imageBytes / 1024 ** 3).toFixed(1)} GB，超过单个检查包上限 2 GB，请缩小日期范围分批导出`,
      { ruleId: 'R-PAPER-KEEP' },
    );
  }
  const at = deps.now();
  const exportedAt = formatBeijingDateTime(at);
  const meta: ExportMeta = { pharmacy: deps.pharmacy, ...range, exportedAt };
  const fileName =
    'file' in out
      ? path.basename(out.file)
      : `paper-archive-${range.from}_${range.to}-${compact(exportedAt)}.zip`;
  const target = 'file' in out ? path.resolve(out.file) : path.resolve(out.dir, fileName);

  const zip = new ZipFileWriter(target, at);
  let written: { size: number; sm3: string };
  try {
    const manifest: ManifestEntry[] = [];
    const entries: IndexEntry[] = records.map((r) => {
      const image = verifiedImage(deps.repo, r, deps.log);
      const name = `images/${String(r.id).padStart(6, '0')}-${r.imageSm3.slice(0, 16)}.${EXTENSIONS[image.mime]}`;
      zip.addStored(name, image.bytes);
      manifest.push({ name, size: image.size, sm3: image.sm3 });
      return indexEntry(r, name);
    });
    const documents: Array<[string, Buffer]> = [
      ['index.json', indexJson(meta, entries)],
      ['index.csv', indexCsv(entries)],
      ['summary.pdf', summaryPdf(meta, records)],
    ];
    for (const [name, bytes] of documents) {
      zip.addDeflated(name, bytes);
      manifest.push({ name, size: bytes.length, sm3: sm3Hex(bytes) });
    }
    zip.addDeflated('manifest.json', manifestJson(meta, manifest));
    written = zip.finish();
  } catch (err) {
    zip.abort();
    throw err;
  }
  deps.log.info('paper.exported', {
    from: range.from,
    to: range.to,
    count: records.length,
    file: fileName,
    size: written.size,
    sm3: written.sm3,
  });
  return {
    fileName,
    path: target,
    from: range.from,
    to: range.to,
    count: records.length,
    size: written.size,
    sm3: written.sm3,
    downloadLimit: DOWNLOAD_MAX_BYTES,
    base64: written.size <= DOWNLOAD_MAX_BYTES ? readFileSync(target).toString('base64') : null,
  };
}

function manifestJson(meta: ExportMeta, files: readonly ManifestEntry[]): Buffer {
  const manifest = {
    format: '纸质外配处方归档检查包',
    ...meta,
    hashAlgorithm: 'SM3',
    note: '本清单列出检查包内除 manifest.json 以外的每个文件及其字节数与SM3摘要；检查包整体的SM3摘要由导出方另行提供',
    files,
  };
  return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
}
