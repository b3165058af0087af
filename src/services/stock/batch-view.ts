import { dateTime } from '../../center/clock';
import type { StockBatchView } from '../../contract/types-dispense';
import type { CatalogDrug } from '../../domain/catalog/catalog-drug';
import { catalogRxFlag } from '../../domain/catalog/rx-class';
import type { BatchRow } from '../../store/stock-movement-repository';
import type { BatchRef } from './stock-bodies';

export function batchView(
  catalog: ReadonlyMap<string, CatalogDrug>,
  b: BatchRow,
  today: string,
): StockBatchView {
  return {
    batchId: b.id,
    medListCodg: b.medListCodg,
    genname: catalog.get(b.medListCodg)?.genname ?? b.medListCodg,
    batchNo: b.batchNo,
    expiry: b.expiry,
    packsOnHand: b.packsOnHand,
    receivedAt: dateTime(new Date(b.receivedAt)),
    expired: b.expiry < today,
  };
}

export function batchRef(catalog: ReadonlyMap<string, CatalogDrug>, b: BatchRow): BatchRef {
  return {
    medListCodg: b.medListCodg,
    name: catalog.get(b.medListCodg)?.genname ?? b.medListCodg,
    batchNo: b.batchNo,
    expiry: b.expiry,
    rxFlag: catalogRxFlag(catalog, b.medListCodg),
  };
}

/** Catalog retail price of one pack, yuan (the default 成交单价 of stock records). */
export function catalogPrice(catalog: ReadonlyMap<string, CatalogDrug>, medListCodg: string) {
  return (catalog.get(medListCodg)?.priceFen ?? 0) / 100;
}
