import { parseDateTime } from '../../center/clock';
import { UNTRACED_BATCH, UNTRACED_FIELD } from '../../domain/stock/untraced-batch';
import type { FsiContext } from '../fsi/context';
import { field } from '../fsi/context';
import { isObject } from '../http-util';
import { Refusal } from '../refusal';
import { scaled } from './money';
import { checkTraceCode, checkTracedCodes, sandboxTraced } from './trace-codes';

/** How one 35xx upload reads its node (field names per research §3.3; see docs/sandbox.md). */
export interface InventorySpec {
  infno: string;
  node: string;
  label: string;
  required: readonly (readonly [string, string])[];
  cntField: string;
  /**
   * Whether each record carries drugtracinfo[]: always (one code per pack), only where the
   * catalog says the item is traced — one code per pack moved (`tracedPerPack`, 3503/3504) or
   * the codes of the packs on hand (`tracedOnHand`, 3501) — or optionally.
   */
  codes: CodesRule;
  /** A record-by-record rule instead (3502: a loss names its packs, other changes may not). */
  codesFor?: (record: Record<string, unknown>) => CodesRule;
}

type CodesRule = 'required' | 'tracedPerPack' | 'tracedOnHand' | 'optional';

export interface ReceivedRecord {
  id: number;
  record: Record<string, unknown>;
  codes: string[];
  cntUnits: number;
}

const MAX_RECORDS = 500;
const DATE_FIELDS = ['manu_date', 'expy_end', 'invdate'];
const TIME_FIELDS = ['inv_chg_time', 'purc_retn_stoin_time', 'sel_retn_time'];

function records(ctx: FsiContext, spec: InventorySpec): Record<string, unknown>[] {
  const raw = ctx.request.input[spec.node];
  const list = Array.isArray(raw) ? raw : isObject(raw) ? [raw] : null;
  if (!list || list.length === 0) throw new Refusal(`输入参数缺少 ${spec.node} 节点`);
  if (list.length > MAX_RECORDS) throw new Refusal(`${spec.node} 一次不能超过 ${MAX_RECORDS} 条`);
  return list.map((r, i) => {
    if (!isObject(r)) throw new Refusal(`${spec.node} 第 ${i + 1} 条应为 JSON 对象`);
    return r;
  });
}

function tracCodes(r: Record<string, unknown>, at: string): string[] {
  const list = r.drugtracinfo;
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new Refusal(`${at}追溯码信息（drugtracinfo）应为数组`);
  return list.map((c, i) => {
    const code = isObject(c) ? field(c, 'drug_trac_codg') : '';
    if (code === '') throw new Refusal(`${at}第 ${i + 1} 个追溯码（drug_trac_codg）为空`);
    return code;
  });
}

function checkRecord(r: Record<string, unknown>, at: string, spec: InventorySpec) {
  for (const [name, label] of spec.required) {
    if (field(r, name) === '') throw new Refusal(`${at}${label}（${name}）不能为空`);
  }
  for (const name of DATE_FIELDS) {
    const v = field(r, name);
    if (v !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(v))
      throw new Refusal(`${at}${name} 应为 yyyy-MM-dd`);
  }
  for (const name of TIME_FIELDS) {
    const v = field(r, name);
    if (v !== '' && !parseDateTime(v)) throw new Refusal(`${at}${name} 应为 yyyy-MM-dd HH:mm:ss`);
  }
  const cntUnits = scaled(r[spec.cntField], 4);
  if (cntUnits === null) throw new Refusal(`${at}数量（${spec.cntField}）应为非负数`);
  const codes = tracCodes(r, at);
  const medListCodg = field(r, 'med_list_codg');
  const rule = spec.codesFor?.(r) ?? spec.codes;
  if (rule === 'required' && codes.length === 0) {
    throw new Refusal(`${at}须上传药品追溯码（drugtracinfo，一盒一码）`);
  }
  // D40: a stocktake record of a batch received before codes were recorded says so
  const untraced = rule === 'tracedOnHand' && field(r, UNTRACED_FIELD) === UNTRACED_BATCH;
  if (rule !== 'required' && rule !== 'optional' && !untraced && sandboxTraced(medListCodg)) {
    checkTracedCodes(codes, cntUnits, rule, at);
  }
  for (const c of codes) checkTraceCode(c, medListCodg);
  return { codes, cntUnits };
}

/** Validates every record of a 35xx upload and stores it (R-STOCK). */
export function receiveInventory(ctx: FsiContext, spec: InventorySpec): ReceivedRecord[] {
  const insert = ctx.db.prepare(
    `INSERT INTO inventory_uploads (infno, msgid, fixmedins_code, med_list_codg, fixmedins_hilist_id,
       fixmedins_bchno, cnt, setl_id, record, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return records(ctx, spec).map((r, i) => {
    const { codes, cntUnits } = checkRecord(r, `${spec.label}第 ${i + 1} 条`, spec);
    const id = insert.run(
      spec.infno,
      ctx.request.msgid,
      ctx.request.fixmedins_code,
      field(r, 'med_list_codg'),
      field(r, 'fixmedins_hilist_id'),
      field(r, 'fixmedins_bchno'),
      cntUnits / 10_000,
      field(r, 'setl_id'),
      JSON.stringify(r),
      ctx.now.getTime(),
    ).lastInsertRowid;
    return { id: Number(id), record: r, codes, cntUnits };
  });
}

/** The fields every 35xx record names its drug and batch with. */
export const DRUG_FIELDS = [
  ['med_list_codg', '医疗目录编码'],
  ['fixmedins_hilist_id', '定点医药机构目录编号'],
  ['fixmedins_hilist_name', '定点医药机构目录名称'],
  ['fixmedins_bchno', '定点医药机构批次流水号'],
] as const;
