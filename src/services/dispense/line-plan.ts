import type { Out7204 } from '../../center/rx/fsi-72xx';
import type { CatalogDrug } from '../../domain/catalog/catalog-drug';
import type { DispensingLine } from '../../store/dispensing-repository';

/** Units in one pack from a catalog spec: `0.25g*24粒` → 24, `100片` → 100, `3ml:300单位*1支` → 1. */
export function unitsPerPack(spec: string): number | null {
  const star = /\*\s*(\d+)\s*[^\d*]*$/.exec(spec);
  const bare = /^(\d+)\s*[片粒支瓶袋丸贴]$/.exec(spec.trim());
  const n = Number(star?.[1] ?? bare?.[1] ?? Number.NaN);
  return Number.isInteger(n) && n > 0 ? n : null;
}

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
