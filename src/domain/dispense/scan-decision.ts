import type { CatalogDrug } from '../catalog/catalog-drug';
import { formatBeijingDateTime } from '../policy/beijing-time';
import type { RuleId } from '../rules';
import { type ParsedCode, packKey } from '../trace/parse-scanned-code';
import type { CenterRefusedCode, SoldCodeWithSale } from '../trace/sold-code';
import type { DispensingCode, DispensingLine } from './dispensing-lines';

export type ScanRefusalReason =
  | 'UNREADABLE'
  | 'NOT_A_TRACE_CODE'
  | 'UNKNOWN_DRUG'
  | 'OTHER_DRUG'
  | 'TOO_MANY'
  | 'ALREADY_SOLD'
  | 'ALREADY_SCANNED'
  | 'PACK_USED_UP'
  | 'NOT_OPEN'
  | 'EXPIRED'
  /** The center refused this code as already sold elsewhere (R-TRACE-ONCE). */
  | 'CENTER_REFUSED'
  /** The pack left the stock as a loss (报损, 3502 naming its code): never sold (R-TRACE-ONCE). */
  | 'LOST'
  /** Store mode: another counter of the store holds this pack in an open dispensing. */
  | 'HELD_ELSEWHERE'
  /** Store mode: a 拆零 pack opened at another counter (or not opened at all) cannot be continued here. */
  | 'NOT_OPENED_HERE'
  /** Store mode: the store server cannot be reached, so no new pack is accepted. */
  | 'STORE_UNREACHABLE';

export interface ScanInput {
  parsed: ParsedCode;
  raw: string;
  /** The drug the code belongs to (catalog lookup by trace product id / GTIN). */
  drug: CatalogDrug | undefined;
  lines: DispensingLine[];
  codes: DispensingCode[];
  /** The sold-codes row of this pack, if any. */
  sold: SoldCodeWithSale | undefined;
  /** The center's refusal of this code as sold elsewhere, if it refused it (R-TRACE-ONCE). */
  centerRefused: CenterRefusedCode | undefined;
  /** The loss that took this pack out of the stock, if it was reported lost. */
  lost?: LostPack | undefined;
  /** yyyy-MM-dd */
  today: string;
  at: number;
}

export type ScanDecision =
  | { accept: DispensingCode }
  | {
      refuse: {
        reason: ScanRefusalReason;
        ruleId: RuleId | null;
        message: string;
        code: string;
        drug: CatalogDrug | undefined;
        earlier: SoldCodeWithSale | null;
      };
    };

/** A pack reported lost (报损): its batch and when (yyyy-MM-dd HH:mm:ss). */
export interface LostPack {
  batchNo: string;
  at: string;
}

export function lostPackMessage(l: LostPack): string {
  return `该盒药品已于 ${l.at} 报损出库（批号 ${l.batchNo}），不在可售库存中，不得销售`;
}

/** Units a line still needs (packs for a whole-pack line). */
export function remaining(line: DispensingLine, codes: DispensingCode[]): number {
  const mine = codes.filter((c) => c.lineNo === line.lineNo);
  const covered = line.splitPack ? mine.reduce((s, c) => s + (c.units ?? 0), 0) : mine.length;
  return line.qtyPrescribed - covered;
}

/**
 * The verdict of one scan (R-TRACE, R-TRACE-ONCE, R-NOSWAP): pure, so every rule is unit-tested
 * without a database. The caller supplies the catalog match and the sold-codes lookup.
 */
export function decideScan(s: ScanInput): ScanDecision {
  const refuse = (
    reason: ScanRefusalReason,
    ruleId: RuleId | null,
    message: string,
    code: string,
    earlier: SoldCodeWithSale | null = null,
  ): ScanDecision => ({ refuse: { reason, ruleId, message, code, drug: s.drug, earlier } });
  const p = s.parsed;
  if (p.kind === 'unknown') return refuse('UNREADABLE', 'R-TRACE', p.reason, s.raw);
  const key = packKey(p);
  if (!key || p.kind === 'ean13') {
    const what = s.drug ? `（${s.drug.genname}）` : '';
    return refuse(
      'NOT_A_TRACE_CODE',
      'R-TRACE',
      `这是商品条码${what}，只标识品种不标识单盒：请扫描包装上的药品追溯码`,
      s.raw,
    );
  }
  if (p.kind === 'gs1' && p.expiry && p.expiry < s.today) {
    return refuse('EXPIRED', 'R-SUPPLY', `该盒药品已于 ${p.expiry} 过期，不得发药`, key);
  }
  if (!s.drug) {
    const id =
      p.kind === 'trace20'
        ? `药品标识码 ${p.productId}`
        : p.kind === 'gs1'
          ? `GTIN ${p.gtin}`
          : 'MA码';
    return refuse(
      'UNKNOWN_DRUG',
      'R-NOSWAP',
      `${id} 在药品目录中没有对应药品，无法确认是处方上的药品，不得发药`,
      key,
    );
  }
  const drug = s.drug;
  const lines = s.lines.filter((l) => l.medListCodg === drug.medListCodg);
  if (lines.length === 0) {
    const wanted = s.lines.map((l) => `「${l.genname}」`).join('、');
    return refuse(
      'OTHER_DRUG',
      'R-NOSWAP',
      `扫描的是「${drug.genname}」，处方上是${wanted}：不得替换或串换处方药品`,
      key,
    );
  }
  const here = s.codes.find((c) => c.code === key);
  if (here) {
    return refuse(
      'ALREADY_SCANNED',
      'R-TRACE-ONCE',
      `该追溯码本次已扫过（${drug.genname} 第 ${here.packNo} ${drug.packUnit}），同一${drug.packUnit}不能重复计数`,
      key,
    );
  }
  const line = lines.find((l) => remaining(l, s.codes) > 0);
  if (!line) {
    const l = lines[0] as DispensingLine;
    return refuse(
      'TOO_MANY',
      'R-NOSWAP',
      `「${drug.genname}」处方 ${l.qtyPrescribed}${l.qtyUnit}，已扫足，不得超量发药`,
      key,
    );
  }
  if (s.centerRefused) {
    return refuse(
      'CENTER_REFUSED',
      'R-TRACE-ONCE',
      centerRefusalMessage(s.centerRefused),
      key,
      s.sold ?? null,
    );
  }
  if (s.lost) return refuse('LOST', 'R-TRACE-ONCE', lostPackMessage(s.lost), key);
  const sold = s.sold && s.sold.returnedAt === null ? s.sold : null;
  const reusable =
    sold !== null &&
    line.splitPack &&
    sold.medListCodg === drug.medListCodg &&
    (sold.unitsLeft ?? 0) > 0;
  if (sold && !reusable) {
    const usedUp = sold.unitsPerPack !== null && sold.unitsLeft === 0;
    return refuse(
      usedUp ? 'PACK_USED_UP' : 'ALREADY_SOLD',
      'R-TRACE-ONCE',
      usedUp
        ? `该盒（${drug.genname}）已拆零售完，追溯码不能再次使用`
        : `该追溯码已于此前售出，同一盒药品不得重复销售（疑似回流药）`,
      key,
      sold,
    );
  }
  const need = remaining(line, s.codes);
  const mine = s.codes.filter((c) => c.lineNo === line.lineNo);
  const units = line.splitPack
    ? Math.min(need, reusable ? (sold?.unitsLeft ?? 0) : (line.unitsPerPack ?? need))
    : null;
  return {
    accept: {
      lineNo: line.lineNo,
      code: key,
      kind: p.kind,
      raw: s.raw,
      packNo: mine.length + 1,
      units,
      reusedPack: reusable,
      scannedAt: s.at,
    },
  };
}

/** The counter's refusal of a code the center refused: the center's own words, and when. */
export function centerRefusalMessage(r: CenterRefusedCode): string {
  return `医保中心已拒收此追溯码（${formatBeijingDateTime(new Date(r.refusedAt))}）：${r.centerMessage}。该盒不得销售，请核实来源`;
}
