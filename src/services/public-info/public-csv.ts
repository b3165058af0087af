import type { PublicPriceList, StockAvailability } from '../../contract/types-public';
import { yuanText } from '../../domain/money';
import { csvBytes, textRecord } from '../reports/export/csv';

/** The price list as CSV (R-PRICE-PUB): pharmacy and date, then one record per drug. */
export function priceListCsv(list: PublicPriceList): Buffer {
  let out = textRecord(['药店', list.pharmacyName, '定点编码', list.fixmedinsCode]);
  out += textRecord(['公示日期', list.date]);
  out += textRecord([
    '医保目录编码',
    '通用名',
    '商品名',
    '规格',
    '剂型',
    '单位',
    '生产企业',
    '零售价（元）',
  ]);
  for (const r of list.rows) {
    out += textRecord([
      r.medListCodg,
      r.genname,
      r.prodname,
      r.spec,
      r.dosform,
      r.packUnit,
      r.prdrName,
      yuanText(r.priceFen),
    ]);
  }
  return csvBytes(out);
}

/** Availability as CSV (ST-EPC-02-004): drug code, name, spec, unit, packs available. */
export function stockAvailabilityCsv(s: StockAvailability): Buffer {
  let out = textRecord(['定点编码', s.fixmedinsCode, '药店', s.pharmacyName, '统计时间', s.asOf]);
  out += textRecord(['医保目录编码', '通用名', '规格', '单位', '可售数量']);
  for (const r of s.rows) {
    out += textRecord([r.medListCodg, r.genname, r.spec, r.packUnit, String(r.availablePacks)]);
  }
  return csvBytes(out);
}
