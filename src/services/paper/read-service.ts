import type { PaperImageView, PaperSearchResult, PaperView } from '../../contract/types-paper';
import { AppError } from '../../domain/errors';
import type { Db } from '../../store/database';
import type { PaperRecord, PaperRepository } from '../../store/paper-repository';
import { paperSales } from '../../store/paper-sale-repository';
import type { PaperQuery, PaperSearchRepository } from '../../store/paper-search-repository';
import type { Logger } from '../logger';
import { toPaperListItem, toPaperSaleView, toPaperView } from './paper-views';
import { verifiedImage } from './verified-image';

export interface PaperSearchInput {
  patientName?: string | undefined;
  patientCertno?: string | undefined;
  institutionCode?: string | undefined;
  serialNo?: string | undefined;
  medListCodg?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

/** Reading the archive: one record (image hash verified), its image, and search. */
export function createReadService(deps: {
  db: Db;
  repo: PaperRepository;
  search: PaperSearchRepository;
  log: Logger;
}) {
  function record(id: number): PaperRecord {
    const r = deps.repo.get(id);
    if (!r) throw new AppError('NOT_FOUND', `没有第${id}号纸质处方`);
    return r;
  }

  return {
    get(id: number): PaperView {
      const r = record(id);
      verifiedImage(deps.repo, r, deps.log);
      return toPaperView(r, toPaperSaleView(paperSales(deps.db, [r.id]).get(r.id)));
    },
    image(id: number): PaperImageView {
      const r = record(id);
      const image = verifiedImage(deps.repo, r, deps.log);
      return { id, sm3: image.sm3, mime: image.mime, base64: image.bytes.toString('base64') };
    },
    search(input: PaperSearchInput): PaperSearchResult {
      const q: PaperQuery = {};
      if (input.patientName) q.patientName = input.patientName;
      if (input.patientCertno) q.patientCertno = input.patientCertno;
      if (input.institutionCode) q.institutionCode = input.institutionCode;
      if (input.serialNo) q.serialNo = input.serialNo;
      if (input.medListCodg) q.medListCodg = input.medListCodg;
      if (input.from) q.rxDateFrom = input.from;
      if (input.to) q.rxDateTo = input.to;
      const { total, ids } = deps.search.search(
        q,
        input.pageSize,
        (input.page - 1) * input.pageSize,
      );
      const sales = paperSales(deps.db, ids);
      return {
        total,
        page: input.page,
        pageSize: input.pageSize,
        items: deps.repo.many(ids).map((r) => toPaperListItem(r, toPaperSaleView(sales.get(r.id)))),
      };
    },
  };
}
