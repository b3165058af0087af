import { field, requireField } from '../fsi/context';
import { sandboxCatalog } from '../hospital/catalog';
import { isObject } from '../http-util';
import { Refusal } from '../refusal';
import { type RxRow, uploadOf } from '../rx/rx-store';
import { scaled } from './money';
import { checkPackCount, checkTraceCode } from './trace-codes';

export interface SaleLine {
  medListCodg: string;
  trdnFlag: string;
  codes: string[];
}

const REQUIRED = [
  ['med_list_codg', '医疗目录编码'],
  ['fixmedins_hilist_id', '定点医药机构目录编号'],
  ['fixmedins_hilist_name', '定点医药机构目录名称'],
  ['manu_lotnum', '生产批号'],
  ['trdn_flag', '拆零标志'],
  ['finl_trns_pric', '最终成交单价'],
] as const;

/** A line's codes: `drugtracinfo[].drug_trac_codg`, else its single `drug_trac_codg`. */
function codesOf(line: Record<string, unknown>): string[] {
  if (Array.isArray(line.drugtracinfo)) {
    return line.drugtracinfo.map((c) => (isObject(c) ? field(c, 'drug_trac_codg') : ''));
  }
  const one = field(line, 'drug_trac_codg');
  return one === '' ? [] : [one];
}

/**
 * 7207 `selinfo[]` (R-SALES-UP, R-TRACE): each line is a drug of the prescription, with one
 * traceability code per pack of the right product.
 */
export function parseSaleLines(raw: unknown, rx: RxRow): SaleLine[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new Refusal('输入参数缺少销售出库明细（selinfo），至少一行');
  }
  const drugs = uploadOf(rx).rxdrugdetail;
  const prescribed = new Set(
    (Array.isArray(drugs) ? (drugs as Record<string, unknown>[]) : []).map((d) =>
      String(d.medListCodg ?? ''),
    ),
  );
  const catalog = sandboxCatalog();
  return raw.map((line, i) => {
    const at = `销售出库明细第 ${i + 1} 行`;
    if (!isObject(line)) throw new Refusal(`${at}应为 JSON 对象`);
    for (const [name, label] of REQUIRED) requireField(line, name, `${at}${label}`);
    const medListCodg = field(line, 'med_list_codg');
    if (catalog.has(medListCodg) && !prescribed.has(medListCodg)) {
      throw new Refusal(`${at}药品 ${medListCodg} 不在电子处方中`);
    }
    const cntUnits = scaled(line.sel_retn_cnt, 4);
    if (cntUnits === null || cntUnits === 0) {
      throw new Refusal(`${at}销售数量（sel_retn_cnt）应为正数`);
    }
    const codes = codesOf(line);
    if (codes.length === 0 || codes.some((c) => c === '')) {
      throw new Refusal(`${at}须上传药品追溯码（drug_trac_codg，一盒一码）`);
    }
    for (const c of codes) checkTraceCode(c, medListCodg);
    const trdnFlag = field(line, 'trdn_flag');
    checkPackCount(codes, cntUnits, trdnFlag, at);
    return { medListCodg, trdnFlag, codes };
  });
}
