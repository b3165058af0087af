import type { Out7204 } from '../../center/rx/fsi-72xx';
import type { CatalogDrug } from '../../domain/catalog/catalog-drug';
import { unitsPerPack } from '../../domain/catalog/pack-size';
import type { DispensingLine } from '../../domain/dispense/dispensing-lines';

export { unitsPerPack };

/**
 * The lines to dispense, copied from the prescription and nothing else (R-NOSWAP). A line with
 * `trdn_flag` = 1 (拆零) counts units: drug_cnt is the number of units, packs to open follow from
 * the catalog's pack size.
 */
export function planLines(
  reply: Out7204,
  catalog: ReadonlyMap<string, CatalogDrug>,
): DispensingLine[] {
  return reply.rxdrugdetail.map((l, i) => {
    const drug = catalog.get(l.med_list_codg);
    const perPack = drug ? unitsPerPack(drug.spec) : null;
    const split =
      String((l as Record<string, unknown>).trdn_flag ?? '0') === '1' && perPack !== null;
    const qty = Math.max(1, Math.round(Number(l.drug_cnt)));
    return {
      lineNo: i + 1,
      medListCodg: l.med_list_codg,
      genname: l.drug_genname,
      splitPack: split,
      unitsPerPack: perPack,
      qtyPrescribed: qty,
      qtyUnit: split ? (l.sin_dosunt ?? '片') : (l.drug_dosunt ?? drug?.packUnit ?? '盒'),
      packsPrescribed: split && perPack ? Math.ceil(qty / perPack) : qty,
      qtyDispensed: 0,
      days: l.medc_days == null ? null : Number(l.medc_days),
    };
  });
}
