import { sm3Hex } from '../../center/crypto';
import { AppError } from '../../domain/errors';
import type { PaperImage, PaperMime } from '../../store/paper-repository';

export const IMAGE_MAX_BYTES = 10 * 1024 * 1024;

/** JPEG, PNG or PDF, recognised by their first bytes (the file name is not trusted). */
export function sniffMime(bytes: Uint8Array): PaperMime | null {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg';
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'image/png';
  if (b(0) === 0x25 && b(1) === 0x50 && b(2) === 0x44 && b(3) === 0x46 && b(4) === 0x2d)
    return 'application/pdf';
  return null;
}

/** The uploaded Base64 as a stored image with its SM3 digest (R-PAPER-KEEP). */
export function decodeImage(base64: string): PaperImage {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) {
    throw new AppError('VALIDATION', '处方影像不是有效的 Base64 数据', { ruleId: 'R-PAPER-KEEP' });
  }
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0 || bytes.length > IMAGE_MAX_BYTES) {
    throw new AppError('VALIDATION', '处方影像须大于0且不超过10 MB', { ruleId: 'R-PAPER-KEEP' });
  }
  const mime = sniffMime(bytes);
  if (!mime) {
    throw new AppError('VALIDATION', '处方影像须为 JPEG、PNG 或 PDF 文件', {
      ruleId: 'R-PAPER-KEEP',
    });
  }
  return { sm3: sm3Hex(bytes), mime, size: bytes.length, bytes };
}

export const EXTENSIONS: Record<PaperMime, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/pdf': 'pdf',
};
