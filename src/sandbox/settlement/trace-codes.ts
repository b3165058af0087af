import { isTraced } from '../../domain/stock/traced-goods';
import { GS } from '../../domain/trace/gs1-element-string';
import type { SandboxDb } from '../db';
import { sandboxCatalog } from '../hospital/catalog';
import { Refusal } from '../refusal';
import { SETTLEMENT_CODES } from './codes';

export interface SoldEntry {
  code: string;
  source: '7207' | '3505';
  ref: string;
  fixmedinsCode: string;
  medListCodg: string;
  setlId: string;
  hiRxno: string;
  trdnFlag: string;
  soldAt: number;
}

interface SoldRow {
  id: number;
  source: string;
  ref: string;
  fixmedins_code: string;
  setl_id: string;
  hi_rxno: string | null;
  trdn_flag: string;
  sold_at: number;
}

/**
 * A traceability code as the center accepts it (center-protocol §5): 20 digits starting with
 * 8 whose product identifier belongs to the drug, or another scheme's string (GS1, MA) of at
 * most 100 printable characters.
 */
export function checkTraceCode(code: string, medListCodg: string): void {
  const withoutGs = code.replaceAll(GS, '');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a code may carry no control character but GS
  if (code === '' || code.length > 100 || /[\s\u0000-\u001f]/.test(withoutGs)) {
    throw new Refusal(`药品追溯码格式不正确：${code || '空'}`);
  }
  if (/^\d+$/.test(code) && code.length <= 20) {
    if (code.length !== 20 || !code.startsWith('8')) {
      throw new Refusal(`药品追溯码 ${code} 应为 20 位数字且以 8 开头`);
    }
    const ids = sandboxCatalog().get(medListCodg)?.traceProductIds ?? [];
    if (ids.length > 0 && !ids.includes(code.slice(0, 7))) {
      throw new Refusal(`药品追溯码 ${code} 的药品标识码与药品 ${medListCodg} 不符`);
    }
  }
}

const SPLIT = SETTLEMENT_CODES.trdnFlag.split;

/**
 * Same sale reported on both channels, not a resale: 7207 and 3505 with the same setl_id, or,
 * for a 自费 sale of a flowed prescription (no settlement, D45), by the same institution with
 * the same prescription number.
 */
function sameSale(e: SoldEntry, r: SoldRow): boolean {
  if (e.source === r.source) return false;
  if (e.setlId !== '' || r.setl_id !== '') return e.setlId === r.setl_id;
  return Boolean(e.hiRxno) && e.hiRxno === r.hi_rxno && e.fixmedinsCode === r.fixmedins_code;
}

/**
 * R-TRACE-ONCE at the center: a code with an unreleased sale is refused, naming the code and
 * the earlier sale, unless both are split-pack sales (拆零 reuses the pack's code) or the
 * earlier one is the same settlement reported on the other channel.
 */
export function registerSold(db: SandboxDb, entries: SoldEntry[]): void {
  const seen = new Set<string>();
  const find = db.prepare(
    'SELECT id, source, ref, fixmedins_code, setl_id, hi_rxno, trdn_flag, sold_at FROM sold_codes WHERE drug_trac_codg = ? AND released_at IS NULL',
  );
  const insert = db.prepare(
    `INSERT INTO sold_codes (drug_trac_codg, source, ref, fixmedins_code, med_list_codg, setl_id, hi_rxno, trdn_flag, sold_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const e of entries) {
    if (seen.has(e.code) && e.trdnFlag !== SPLIT) {
      throw new Refusal(`药品追溯码 ${e.code} 在本次上传中重复出现（一盒一码）`);
    }
    seen.add(e.code);
    const clash = (find.all(e.code) as SoldRow[]).find(
      (r) => !(e.trdnFlag === SPLIT && r.trdn_flag === SPLIT) && !sameSale(e, r),
    );
    if (clash) {
      throw new Refusal(
        `药品追溯码 ${e.code} 已有销售记录（${clash.source === '7207' ? '销售出库' : '商品销售'} ${clash.ref}，机构 ${clash.fixmedins_code}），同一追溯码不能重复销售`,
      );
    }
    insert.run(
      e.code,
      e.source,
      e.ref,
      e.fixmedinsCode,
      e.medListCodg,
      e.setlId,
      e.hiRxno,
      e.trdnFlag,
      e.soldAt,
    );
  }
}

export function releaseSold(db: SandboxDb, source: string, ref: string, at: number): number {
  return db
    .prepare(
      'UPDATE sold_codes SET released_at = ? WHERE source = ? AND ref = ? AND released_at IS NULL',
    )
    .run(at, source, ref).changes;
}

/** One code per pack: whole packs need as many codes as packs, a split sale its pack's one. */
export function checkPackCount(codes: string[], cntUnits: number, trdnFlag: string, at: string) {
  if (trdnFlag !== SPLIT && trdnFlag !== SETTLEMENT_CODES.trdnFlag.whole) {
    throw new Refusal(`${at}拆零标志（trdn_flag）应为 0 或 1`);
  }
  if (trdnFlag === SPLIT) {
    if (codes.length !== 1) throw new Refusal(`${at}拆零销售须上传所拆药盒的 1 个追溯码`);
    return;
  }
  if (cntUnits % 10_000 !== 0 || codes.length !== cntUnits / 10_000) {
    throw new Refusal(`${at}追溯码个数（${codes.length}）应等于整盒销售数量（一盒一码）`);
  }
}

/** Releases the unreleased sales of these codes by one institution on one channel. */
export function releaseCodes(
  db: SandboxDb,
  source: string,
  fixmedinsCode: string,
  codes: string[],
  at: number,
): string[] {
  const release = db.prepare(
    `UPDATE sold_codes SET released_at = ? WHERE id = (SELECT id FROM sold_codes
       WHERE drug_trac_codg = ? AND source = ? AND fixmedins_code = ? AND released_at IS NULL
       ORDER BY id DESC LIMIT 1)`,
  );
  return codes.filter((c) => release.run(at, c, source, fixmedinsCode).changes === 0);
}

/** Whether the catalog says the item's packs carry traceability codes (R-STOCK). */
export function sandboxTraced(medListCodg: string): boolean {
  const item = sandboxCatalog().get(medListCodg);
  return item ? isTraced(item) : false;
}

/**
 * R-STOCK at the center: a purchase or return of a traced item names one code per pack moved,
 * none twice; a stocktake names the codes of the packs on hand (at least one while any is).
 */
export function checkTracedCodes(
  codes: string[],
  cntUnits: number,
  rule: 'tracedPerPack' | 'tracedOnHand',
  at: string,
): void {
  if (new Set(codes).size !== codes.length) {
    throw new Refusal(`${at}追溯码（drugtracinfo）有重复，一盒一码`);
  }
  if (rule === 'tracedOnHand') {
    if (cntUnits > 0 && codes.length === 0) {
      throw new Refusal(`${at}该品种按目录须追溯，盘存须上传在库药盒的追溯码（drugtracinfo）`);
    }
    return;
  }
  if (cntUnits % 10_000 !== 0 || codes.length !== cntUnits / 10_000) {
    throw new Refusal(
      `${at}该品种按目录须追溯，追溯码个数（${codes.length}）应等于数量（一盒一码，drugtracinfo）`,
    );
  }
}
