import fs from 'node:fs';
import path from 'node:path';
import type {
  PaperScanFile,
  PaperScanFolder,
  PaperScanImage,
  PaperScanList,
} from '../../contract/types-paper';
import { AppError } from '../../domain/errors';
import { formatBeijingDateTime } from '../../domain/policy/beijing-time';
import type { StaffMember } from '../../domain/staff';
import type { SettingsRepository } from '../../store/settings-repository';
import { IMAGE_MAX_BYTES, sniffMime } from './image-codec';

const SETTING = 'paper.scanFolder';
const LIST_MAX = 30;
const BY_EXTENSION: Record<string, PaperScanFile['mime']> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
};
/** Not following a symbolic link at the last step where the platform can say so (not Windows). */
const NO_FOLLOW = fs.constants.O_NOFOLLOW ?? 0;

const refuse = (message: string) => new AppError('VALIDATION', message, { ruleId: 'R-PAPER-KEEP' });

/**
 * The document scanner's output folder as a capture source: an administrator sets it (default
 * `<dataDir>/scans`); the capture form lists its newest images and reads one. Only regular
 * files directly inside the folder, by their bare name: no path, no "..", no link leading out.
 */
export function createScanFolder(deps: { settings: SettingsRepository; dataDir: string }) {
  const defaultFolder = path.join(deps.dataDir, 'scans');

  function current(): PaperScanFolder {
    const chosen = deps.settings.get<string>(SETTING);
    return chosen
      ? { folder: chosen, isDefault: false }
      : { folder: defaultFolder, isDefault: true };
  }

  function existingFolder(): string {
    const { folder, isDefault } = current();
    if (isDefault) fs.mkdirSync(folder, { recursive: true });
    if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
      throw refuse(`扫描仪文件夹 ${folder} 不存在，请管理员在纸质处方页重新设置`);
    }
    return folder;
  }

  function fileIn(folder: string, name: string): string {
    const bare =
      name.length > 0 &&
      name.length <= 255 &&
      !/[\\/:\0]/.test(name) &&
      name !== '.' &&
      name !== '..' &&
      path.basename(name) === name;
    if (!bare)
      throw refuse(`“${name.slice(0, 64)}”不是扫描仪文件夹中的文件名，只能选择该文件夹内的文件`);
    return path.join(folder, name);
  }

  return {
    current,

    /** Administrators only; an absolute path of an existing folder, or null for the default. */
    set(staff: StaffMember, folder: string | null): PaperScanFolder {
      if (staff.role !== 'admin') {
        throw new AppError('FORBIDDEN', '只有管理员可以设置扫描仪文件夹', {
          ruleId: 'R-PAPER-KEEP',
        });
      }
      if (folder === null) {
        deps.settings.delete(SETTING);
        return current();
      }
      if (!path.isAbsolute(folder)) throw refuse('扫描仪文件夹须为完整路径（绝对路径）');
      const resolved = path.resolve(folder);
      if (!fs.statSync(resolved, { throwIfNoEntry: false })?.isDirectory()) {
        throw refuse(`文件夹 ${resolved} 不存在或不是文件夹`);
      }
      deps.settings.set(SETTING, resolved);
      return current();
    },

    /** The newest JPEG/PNG/PDF files of at most 10 MB, directly inside the folder. */
    list(): PaperScanList {
      const folder = existingFolder();
      const files: Array<PaperScanFile & { mtimeMs: number }> = [];
      for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        const mime = BY_EXTENSION[path.extname(entry.name).toLowerCase()];
        if (!entry.isFile() || !mime) continue;
        const stat = fs.lstatSync(path.join(folder, entry.name), { throwIfNoEntry: false });
        if (!stat?.isFile() || stat.size === 0 || stat.size > IMAGE_MAX_BYTES) continue;
        files.push({
          name: entry.name,
          size: stat.size,
          mime,
          modifiedAt: formatBeijingDateTime(stat.mtime),
          mtimeMs: stat.mtimeMs,
        });
      }
      files.sort((a, b) => b.mtimeMs - a.mtimeMs || a.name.localeCompare(b.name));
      return {
        ...current(),
        files: files.slice(0, LIST_MAX).map(({ mtimeMs: _, ...f }) => f),
      };
    },

    /** One file by its bare name; its content must be JPEG, PNG or PDF (sniffed, as at capture). */
    read(name: string): PaperScanImage {
      const file = fileIn(existingFolder(), name);
      const missing = refuse(`扫描仪文件夹中没有可读取的文件“${name}”（不接受快捷方式或链接）`);
      if (!fs.lstatSync(file, { throwIfNoEntry: false })?.isFile()) throw missing;
      let fd: number;
      try {
        fd = fs.openSync(file, fs.constants.O_RDONLY | NO_FOLLOW);
      } catch {
        throw missing;
      }
      try {
        const stat = fs.fstatSync(fd);
        if (!stat.isFile()) throw refuse(`“${name}”不是普通文件`);
        if (stat.size === 0 || stat.size > IMAGE_MAX_BYTES) {
          throw refuse('处方影像须大于0且不超过10 MB');
        }
        const bytes = Buffer.alloc(stat.size);
        let read = 0;
        while (read < bytes.length) {
          const n = fs.readSync(fd, bytes, read, bytes.length - read, read);
          if (n === 0) break;
          read += n;
        }
        const mime = sniffMime(bytes.subarray(0, read));
        if (!mime) throw refuse(`“${name}”不是 JPEG、PNG 或 PDF 文件`);
        return { name, mime, size: read, base64: bytes.subarray(0, read).toString('base64') };
      } finally {
        fs.closeSync(fd);
      }
    },
  };
}

export type ScanFolder = ReturnType<typeof createScanFolder>;
