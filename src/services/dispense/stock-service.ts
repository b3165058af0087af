import { dateOnly, dateTime } from '../../center/clock';
import type { StockBatchView, StockItemView } from '../../contract/types-dispense';
import type { CatalogDrug } from '../../domain/catalog/catalog-drug';
import { RX_CLASSES, sellableWithoutPrescription } from '../../domain/catalog/rx-class';
import { toGtin14 } from '../../domain/trace/ean13';
import type { Db } from '../../store/database';
import { type StockBatch, StockRepository } from '../../store/stock-repository';
import { createDemoReceipts } from '../stock/demo-receipts';

interface Deps {
  db: Db;
  catalog: ReadonlyMap<string, CatalogDrug>;
  now: () => Date;
}

/** The stock list and the sandbox's demo stock; receiving is the stock area's (services/stock). */
export function createStockService(deps: Deps) {
  const repo = new StockRepository(deps.db);

  function batchView(b: StockBatch, today: string): StockBatchView {
    return {
      batchId: b.id,
      medListCodg: b.medListCodg,
      genname: deps.catalog.get(b.medListCodg)?.genname ?? b.medListCodg,
      batchNo: b.batchNo,
      expiry: b.expiry,
      packsOnHand: b.packsOnHand,
      receivedAt: dateTime(new Date(b.receivedAt)),
      expired: b.expiry < today,
    };
  }

  function list(): StockItemView[] {
    const today = dateOnly(deps.now());
    const byDrug = new Map<string, StockBatch[]>();
    for (const b of repo.all())
      byDrug.set(b.medListCodg, [...(byDrug.get(b.medListCodg) ?? []), b]);
    return [...byDrug.entries()].map(([m, batches]) => {
      const drug = deps.catalog.get(m);
      return {
        medListCodg: m,
        genname: drug?.genname ?? m,
        spec: drug?.spec ?? '',
        packUnit: drug?.packUnit ?? '盒',
        rxClassName: drug ? RX_CLASSES[drug.rxClass] : RX_CLASSES.rx,
        sellableWithoutPrescription: drug ? sellableWithoutPrescription(drug.rxClass) : false,
        packsAvailable: batches
          .filter((b) => b.expiry >= today)
          .reduce((s, b) => s + b.packsOnHand, 0),
        batches: batches.map((b) => batchView(b, today)),
        priceFen: drug?.priceFen ?? null,
        traceProductIds: drug ? [...drug.traceProductIds] : [],
        gtin14s: drug ? drug.gtins.map(toGtin14) : [],
      };
    });
  }

  /** Sandbox mode: two batches of every drug (a near and a far expiry) when stock is empty. */
  function seedDemo(staffId: number): number {
    if (repo.count() > 0) return 0;
    const at = deps.now();
    const year = at.getUTCFullYear();
    return deps.db
      .transaction(() => {
        const receipt = createDemoReceipts(deps.db, staffId, at);
        let n = 0;
        for (const drug of deps.catalog.values()) {
          const tail = drug.medListCodg.slice(-4);
          for (const [k, years, packs, series] of [
            ['A', 1, 20, 1],
            ['B', 2, 50, 2],
          ] as const) {
            const batch = repo.receive({
              medListCodg: drug.medListCodg,
              batchNo: `DEMO${k}${tail}`,
              expiry: `${year + years}-06-30`,
              packs,
              receivedBy: staffId,
              receivedAt: at.getTime(),
            });
            receipt(batch, drug, series);
            n++;
          }
        }
        return n;
      })
      .immediate();
  }

  return { list, seedDemo };
}
