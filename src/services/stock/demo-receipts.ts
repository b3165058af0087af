import { dateOnly } from '../../center/clock';
import type { CatalogDrug } from '../../domain/catalog/catalog-drug';
import { isTraced } from '../../domain/stock/traced-goods';
import { toGtin14 } from '../../domain/trace/ean13';
import type { Db } from '../../store/database';
import { StockReceiptRepository } from '../../store/stock-receipt-repository';
import type { StockBatch } from '../../store/stock-repository';
import { SupplierRepository } from '../../store/supplier-repository';

/** The sandbox's demo supplier: a made-up name and licence, valid five years from seeding. */
const DEMO_SUPPLIER = { name: '国药控股沙箱医药有限公司', licenceNo: '沙AA0210001' };

/**
 * Sandbox mode: each demo batch is received like a real one (R-SUPPLY, R-STOCK) — from the demo
 * supplier, a cold-chain drug with its storage record, every pack of a traced item with a code,
 * so stocktakes and returns of demo stock name their packs. The codes' serials start with 9,
 * apart from the serials tests and demos scan at sale.
 */
export function createDemoReceipts(db: Db, staffId: number, at: Date) {
  const suppliers = new SupplierRepository(db);
  const receipts = new StockReceiptRepository(db);
  const existing = suppliers.list().find((s) => s.name === DEMO_SUPPLIER.name);
  const supplierId =
    existing?.id ??
    suppliers.create(
      {
        ...DEMO_SUPPLIER,
        licenceValidUntil: `${at.getUTCFullYear() + 5}-12-31`,
        active: true,
      },
      staffId,
      at.getTime(),
    );
  const supplier = suppliers.get(supplierId);
  if (!supplier) throw new Error('demo supplier vanished');

  return (batch: StockBatch, drug: CatalogDrug, series: number): void => {
    const receiptId = receipts.add({
      batchId: batch.id,
      supplier,
      receivedOn: dateOnly(at),
      packs: batch.packsReceived,
      coldChain: drug.coldChain ? { arrivalTempC: 5, storagePlace: '冷藏柜 1' } : null,
      receivedBy: staffId,
      receivedAt: at.getTime(),
    });
    if (!isTraced(drug)) return;
    const codes = Array.from({ length: batch.packsReceived }, (_, i) =>
      demoCode(drug, series, i + 1),
    );
    receipts.addCodes(
      batch.id,
      receiptId,
      codes.filter((c): c is string => c !== null),
    );
  };
}

function demoCode(drug: CatalogDrug, series: number, pack: number): string | null {
  const serial = `9${series}${String(pack).padStart(11, '0')}`;
  const productId = drug.traceProductIds[0];
  if (productId) return `${productId}${serial}`;
  const gtin = drug.gtins[0];
  return gtin ? `01${toGtin14(gtin)}21${serial}` : null;
}
