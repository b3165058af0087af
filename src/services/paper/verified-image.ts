import { sm3Hex } from '../../center/crypto';
import { AppError } from '../../domain/errors';
import type { PaperImage, PaperRecord, PaperRepository } from '../../store/paper-repository';
import type { Logger } from '../logger';

/**
 * The archived image of a record, its bytes hashed again and compared with the SM3 recorded at
 * capture. A missing image or a mismatch is a loud error: the archive has been tampered with.
 */
export function verifiedImage(repo: PaperRepository, record: PaperRecord, log: Logger): PaperImage {
  const image = repo.image(record.imageSm3);
  const actual = image ? sm3Hex(image.bytes) : null;
  if (!image || actual !== record.imageSm3 || image.bytes.length !== image.size) {
    log.error('paper.image_tampered', {
      id: record.id,
      expected: record.imageSm3,
      actual: actual ?? 'missing',
    });
    throw new AppError(
      'INTERNAL',
      `纸质处方第${record.id}号的影像完整性校验失败：存档的SM3摘要为${record.imageSm3.slice(0, 16)}…，` +
        `现存影像${actual ? `摘要为${actual.slice(0, 16)}…` : '缺失'}，影像可能已被篡改，请立即报告信息管理员`,
      {
        ruleId: 'R-PAPER-KEEP',
        detail: `expected=${record.imageSm3} actual=${actual ?? 'missing'}`,
      },
    );
  }
  return image;
}
