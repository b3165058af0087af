import type { CatalogDrug } from '../../domain/catalog/catalog-drug';
import { AppError } from '../../domain/errors';
import { isTraced } from '../../domain/stock/traced-goods';
import { packKey, parseScannedCode } from '../../domain/trace/parse-scanned-code';
import type { ProductIndex } from '../dispense/product-index';

/**
 * The pack keys of the codes scanned for a stock movement of `packs` packs (R-STOCK): every code
 * a pack of this item, none twice, and for a traced item exactly one per pack. An item that is
 * not traced may go without codes.
 */
export function stockPackKeys(
  products: ProductIndex,
  item: CatalogDrug,
  raws: readonly string[],
  packs: number,
  what: string,
  at: Date,
): string[] {
  const keys = raws.map((raw) => {
    const parsed = parseScannedCode(raw, at);
    const key = packKey(parsed);
    if (!key) {
      throw new AppError('VALIDATION', `「${raw}」不是可识别的药品追溯码`, { ruleId: 'R-TRACE' });
    }
    if (products.drugOf(parsed)?.medListCodg !== item.medListCodg) {
      throw new AppError('POLICY', `追溯码 ${key} 不是「${item.genname}」的包装`, {
        ruleId: 'R-TRACE',
      });
    }
    return key;
  });
  const twice = keys.find((k, i) => keys.indexOf(k) !== i);
  if (twice) {
    throw new AppError('VALIDATION', `追溯码 ${twice} 扫了两次，一盒一码`, { ruleId: 'R-TRACE' });
  }
  if ((isTraced(item) || keys.length > 0) && keys.length !== packs) {
    throw new AppError(
      'POLICY',
      `「${item.genname}」${what} ${packs} 盒，须逐盒扫追溯码 ${packs} 个（已扫 ${keys.length} 个）`,
      { ruleId: 'R-STOCK' },
    );
  }
  return keys;
}

/** drugtracinfo[] of a 35xx record: one entry per pack code. */
export function drugtracinfo(keys: readonly string[]): { drug_trac_codg: string }[] {
  return keys.map((k) => ({ drug_trac_codg: k }));
}
