import { sm3Hex } from '../../center/crypto';
import type {
  PaperIndexCheck,
  PaperStoreIndexEntry,
  PaperStoreIndexView,
} from '../../contract/types-paper';
import type { PaperIndexRow, PaperIndexSearchAnswer } from '../../contract/types-store-paper';
import { AppError } from '../../domain/errors';
import { formatBeijingDateTime } from '../../domain/policy/beijing-time';
import type { PaperRepository } from '../../store/paper-repository';
import { type StoreClient, StoreRequestError } from '../../store-link/store-client';
import type { Logger } from '../logger';
import { paperRecordSm3 } from './record-digest';

export const SINGLE_COUNTER_PAPER_INDEX =
  '单柜台模式：没有门店服务器，纸质处方归档即本机的归档（纸质处方“归档查询”）';
export const STORE_UNREACHABLE_PAPER_INDEX =
  '门店服务器无法连接，暂不能读取全店纸质处方索引；本柜台的归档仍可查询';

export interface PaperStoreIndexQuery {
  key?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  counterId?: string | undefined;
  page: number;
  pageSize: number;
}

const STATE_LABELS = { captured: '已归档', dispensed: '已调剂' } as const;

/**
 * Where each paper prescription of the pharmacy is archived (D56, R-PAPER-KEEP): the store's
 * index, searched by key, capture period and counter. An entry archived here is verified on the
 * spot — its image and record hashed again and compared with the SM3 digests the index holds —
 * so an inspector at the archiving counter sees whether the archive is the one that was indexed.
 */
export function createStorePaperIndex(deps: {
  link: StoreClient | null;
  repo: PaperRepository;
  log: Logger;
}) {
  function verify(row: PaperIndexRow): PaperStoreIndexEntry['verification'] {
    const record = deps.repo.get(row.localId);
    if (!record) return { image: 'missing', record: 'missing', label: '本柜台找不到此归档记录' };
    const recordCheck: PaperIndexCheck =
      record.imageSm3 === row.imageSm3 && paperRecordSm3(record) === row.recordSm3
        ? 'match'
        : 'mismatch';
    const bytes = deps.repo.image(record.imageSm3)?.bytes;
    const image: PaperIndexCheck = !bytes
      ? 'missing'
      : sm3Hex(bytes) === row.imageSm3
        ? 'match'
        : 'mismatch';
    const ok = image === 'match' && recordCheck === 'match';
    if (!ok)
      deps.log.error('paper.index_mismatch', { id: row.localId, image, record: recordCheck });
    return {
      image,
      record: recordCheck,
      label: ok
        ? '影像与记录的SM3摘要与门店索引一致'
        : `与门店索引不一致（影像：${image === 'match' ? '一致' : image === 'missing' ? '缺失' : '不一致'}；记录：${recordCheck === 'match' ? '一致' : '不一致'}），归档可能已被篡改，请立即报告信息管理员`,
    };
  }

  return async function storeIndex(q: PaperStoreIndexQuery): Promise<PaperStoreIndexView> {
    const link = deps.link;
    if (!link) throw new AppError('CONFLICT', SINGLE_COUNTER_PAPER_INDEX);
    if (q.from && q.to && q.to < q.from) {
      throw new AppError('VALIDATION', '结束日期不能早于开始日期');
    }
    let answer: PaperIndexSearchAnswer;
    try {
      answer = await link.call('paper.indexSearch', {
        key: q.key ?? null,
        from: q.from ?? null,
        to: q.to ?? null,
        counterId: q.counterId ?? null,
        offset: (q.page - 1) * q.pageSize,
        limit: q.pageSize,
      });
    } catch (e) {
      deps.log.warn(`全店纸质处方索引读取失败：${(e as Error).message}`);
      throw new AppError(
        'CONFLICT',
        e instanceof StoreRequestError
          ? `门店服务器拒绝了本柜台的请求（${e.message}）`
          : STORE_UNREACHABLE_PAPER_INDEX,
      );
    }
    return {
      total: answer.total,
      page: q.page,
      pageSize: q.pageSize,
      entries: answer.rows.map((r) => {
        const here = r.counterId === link.counterId;
        return {
          key: r.key,
          counterId: r.counterId,
          localId: r.localId,
          capturedAt: formatBeijingDateTime(new Date(r.capturedAt)),
          rxDate: r.rxDate,
          imageSm3: r.imageSm3,
          recordSm3: r.recordSm3,
          capturedBy: r.capturedBy,
          state: r.state,
          stateLabel: STATE_LABELS[r.state],
          here,
          verification: here ? verify(r) : null,
        };
      }),
    };
  };
}
