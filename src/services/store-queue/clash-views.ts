import { dateTime } from '../../center/clock';
import type { StoreClashView } from '../../contract/types-store';
import { ruleCitationForUsers } from '../../domain/rules';
import { selfPayDocNo } from '../../domain/sale-doc-no';
import type { StoreClashRecord } from '../../store/store-queue-repository';

/**
 * A recorded clash as the pharmacist reads it: both sales, the store's words, the rule. An
 * offline sale the store's batches could not cover (SOLD_OFFLINE_SHORT, D53) is listed the same
 * way, under R-STOCK, with no other sale.
 */
export function clashView(c: StoreClashRecord): StoreClashView {
  const short = c.reason === 'SOLD_OFFLINE_SHORT';
  const ruleId = short ? 'R-STOCK' : 'R-TRACE-ONCE';
  return {
    id: c.id,
    kind: short ? 'stockShort' : 'codeClash',
    code: c.code,
    ours: {
      counterId: c.ourCounter,
      saleRef: c.ourSaleRef,
      soldAt: dateTime(new Date(c.ourSoldAt)),
      docNo: selfPayDocNo(c.selfPaySaleId),
    },
    other: {
      counterId: c.otherCounter,
      saleRef: c.otherSaleRef,
      soldAt: c.otherSoldAt === null ? null : dateTime(new Date(c.otherSoldAt)),
    },
    message: c.message,
    foundAt: dateTime(new Date(c.foundAt)),
    ruleId,
    citation: ruleCitationForUsers(ruleId),
  };
}
