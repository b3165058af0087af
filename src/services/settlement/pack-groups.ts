import type { CatalogDrug } from '../../domain/catalog/catalog-drug';
import type { DispensingCode, DispensingLine } from '../../domain/dispense/dispensing-lines';
import { SETTLE_CODES } from '../../domain/settlement/settle-codes';
import type { Db } from '../../store/database';
import type { Allocation } from '../../store/dispensing-repository';
import { batchOfSoldCode } from '../../store/sale-upload-repository';

/** Packs of one drug from one batch, as a sales upload names them (one code per pack, R-TRACE). */
export interface PackGroup {
  medListCodg: string;
  name: string;
  drug: CatalogDrug | undefined;
  trdnFlag: '0' | '1';
  /** Packs, or units for 拆零. */
  count: number;
  unit: string;
  /** Price per counted unit in 1/10 000 yuan. */
  priceUnits: number;
  batchNo: string;
  expiry: string;
  codes: string[];
}

const UNKNOWN_BATCH = { batchNo: '未知批次', expiry: '' };

/**
 * Splits a dispensing into upload records: whole packs by the batches FEFO took them from
 * (codes in scan order), and each opened pack of a 拆零 line on its own with its units.
 */
export function packGroups(
  db: Db,
  lines: DispensingLine[],
  codes: DispensingCode[],
  allocations: Allocation[],
  catalog: ReadonlyMap<string, CatalogDrug>,
): PackGroup[] {
  return lines.flatMap((l) => {
    const drug = catalog.get(l.medListCodg);
    const packFen = drug?.priceFen ?? 0;
    const lineCodes = codes.filter((c) => c.lineNo === l.lineNo);
    const batches = allocations.filter((a) => a.lineNo === l.lineNo);
    const base = { medListCodg: l.medListCodg, name: l.genname, drug };
    if (l.splitPack) {
      const perPack = l.unitsPerPack ?? 1;
      return lineCodes.map((c): PackGroup => {
        const batch = c.reusedPack ? batchOfSoldCode(db, c.code) : batches[0];
        return {
          ...base,
          trdnFlag: SETTLE_CODES.trdnFlag.split,
          count: c.units ?? 0,
          unit: l.qtyUnit,
          priceUnits: Math.round((packFen * 100) / perPack),
          batchNo: batch?.batchNo ?? UNKNOWN_BATCH.batchNo,
          expiry: batch?.expiry ?? UNKNOWN_BATCH.expiry,
          codes: [c.code],
        };
      });
    }
    let next = 0;
    return batches.map((a): PackGroup => {
      const taken = lineCodes.slice(next, next + a.packs).map((c) => c.code);
      next += a.packs;
      return {
        ...base,
        trdnFlag: SETTLE_CODES.trdnFlag.whole,
        count: taken.length,
        unit: l.qtyUnit,
        priceUnits: packFen * 100,
        batchNo: a.batchNo,
        expiry: a.expiry,
        codes: taken,
      };
    });
  });
}
