import { AppError } from '../errors';
import type { CatalogDrug } from './catalog-drug';
import { RX_CLASSES, sellableWithoutPrescription } from './rx-class';

/**
 * Refuses goods that may not be sold without a prescription: a 处方药 (R-GSP-RX) or, even when
 * classed OTC, an item of a controlled class (R-EXCLUDED; e.g. an OTC compound with a
 * controlled ingredient is sold under its own rules, not as plain cash goods).
 */
export function assertSellableWithoutPrescription(
  drug: Pick<CatalogDrug, 'genname' | 'rxClass' | 'classes'>,
): void {
  if (!sellableWithoutPrescription(drug.rxClass)) {
    throw new AppError(
      'POLICY',
      `「${drug.genname}」是${RX_CLASSES[drug.rxClass]}，须凭处方调剂销售，不能作为自费商品零售；仅非处方药和非药品可无处方销售`,
      { ruleId: 'R-GSP-RX' },
    );
  }
  if (drug.classes.length > 0) {
    throw new AppError('POLICY', `「${drug.genname}」属管控类药品，不能自费零售`, {
      ruleId: 'R-EXCLUDED',
    });
  }
}
