import type { StockRefusal } from '../contract/types-store-stock';
import { type RuleId, ruleCitationForUsers } from '../domain/rules';

/** The store's words when it refuses a receipt or cannot cover a sale (D49); rule and citation by title. */
export function stockRefusal(
  reason: StockRefusal['reason'],
  ruleId: RuleId,
  medListCodg: string,
  message: string,
): StockRefusal {
  return { reason, ruleId, citation: ruleCitationForUsers(ruleId), message, medListCodg };
}

export function shortOfStock(medListCodg: string, needed: number, usable: number): StockRefusal {
  return stockRefusal(
    'SHORT',
    'R-STOCK',
    medListCodg,
    `药品 ${medListCodg} 门店库存不足：需 ${needed} 盒，未过期可用 ${usable} 盒；请先入库，本次售出未登记`,
  );
}

export function expiredBatch(medListCodg: string, batchNo: string, expiry: string): StockRefusal {
  return stockRefusal(
    'EXPIRED_BATCH',
    'R-SUPPLY',
    medListCodg,
    `批号 ${batchNo} 已于 ${expiry} 过期，不能入库`,
  );
}

export function expiryMismatch(medListCodg: string, batchNo: string, known: string): StockRefusal {
  return stockRefusal(
    'EXPIRY_MISMATCH',
    'R-STOCK',
    medListCodg,
    `批号 ${batchNo} 已在门店按有效期 ${known} 入库，与本次填写的有效期不符；请核对有效期`,
  );
}

export function soldOfflineShort(
  medListCodg: string,
  packs: number,
  saleRef: string,
): StockRefusal {
  return stockRefusal(
    'SOLD_OFFLINE_SHORT',
    'R-STOCK',
    medListCodg,
    `离线售出（${saleRef}）的药品 ${medListCodg} 有 ${packs} 盒门店库存中没有：已售出，请药师盘点核实`,
  );
}
