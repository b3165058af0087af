import type { CatalogDrug } from '../catalog/catalog-drug';
import { AppError } from '../errors';

/** What receiving a cold-chain drug records: its temperature on arrival and where it is stored. */
export interface ColdChainRecord {
  arrivalTempC: number;
  storagePlace: string;
}

/**
 * R-SUPPLY (002 §二(三) 冷链药品…符合国家规范的储存): a cold-chain drug is received only with its
 * storage record, and only when it arrived within its storage range. Returns the record to keep
 * (null for a drug that is not cold-chain).
 */
export function coldChainRecordFor(
  drug: Pick<CatalogDrug, 'genname' | 'coldChain'>,
  record: ColdChainRecord | undefined,
): ColdChainRecord | null {
  const range = drug.coldChain;
  if (!range) return null;
  if (!record || record.storagePlace.trim() === '') {
    throw new AppError(
      'POLICY',
      `「${drug.genname}」是冷链药品（${range.minC}–${range.maxC}℃），入库须登记到货温度和存放位置`,
      { ruleId: 'R-SUPPLY' },
    );
  }
  if (record.arrivalTempC < range.minC || record.arrivalTempC > range.maxC) {
    throw new AppError(
      'POLICY',
      `「${drug.genname}」到货温度 ${record.arrivalTempC}℃ 超出冷链范围 ${range.minC}–${range.maxC}℃，不能入库，请按冷链异常处理`,
      { ruleId: 'R-SUPPLY' },
    );
  }
  return { arrivalTempC: record.arrivalTempC, storagePlace: record.storagePlace.trim() };
}

/** The storage record as the 3503 memo states it. */
export function coldChainMemo(r: ColdChainRecord): string {
  return `冷链：到货温度 ${r.arrivalTempC}℃，存放于${r.storagePlace}`;
}
