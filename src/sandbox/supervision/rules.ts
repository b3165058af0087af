import { dateOnly } from '../../center/clock';
import type { SandboxDb } from '../db';
import { DEMO_RECORDS } from '../fsi/transactions/medication-records-5205';
import { sandboxCatalog } from '../hospital/catalog';

/** One line of a 3101 request as the sandbox reads it. */
export interface OrderLine {
  rxId: string;
  code: string;
  name: string;
  cnt: number;
  unit: string;
  sumamt: number;
}

/** A finding in 3101's output shape. */
export interface Finding {
  jr_id: string;
  rule_id: string;
  rule_name: string;
  vola_cont: string;
  vola_evid: string;
  sev_deg: '1' | '2' | '3';
  vola_amt: number;
}

/**
 * The sandbox supervision subsystem's rule data (a real platform's rules are its own): packs
 * of one drug one purchase may hold (above it: 明确违规), and the window in which buying a
 * drug again while an earlier purchase's days of use run is 高度可疑 (docs/sandbox.md).
 */
export const PACK_LIMITS: Readonly<Record<string, number>> = {
  XJ01CAA040A001010100435: 4,
};

/**
 * Packs of one drug one person may buy in a day across all pharmacies, counting the purchases
 * the center has settled (above it: 明确违规). Checked at 3101 and again at 3102: a purchase
 * settled between a preview and its settlement is caught 事中 (docs/sandbox.md).
 */
export const DAILY_PACK_LIMITS: Readonly<Record<string, number>> = {
  XC09CAL010A001010203021: 4,
};

const DAY = 86_400_000;

/** Packs of `code` in the person's live settlements of the center's day. */
function settledToday(db: SandboxDb, psnNo: string, code: string, now: Date): number {
  return db
    .prepare(
      `SELECT COALESCE(SUM(json_extract(l.value, '$.cnt')), 0)
         FROM settlements s, json_each(s.output, '$.detlcutinfo') l
        WHERE s.psn_no = ? AND s.setl_date = ? AND s.stas = '1'
          AND json_extract(l.value, '$.med_list_codg') = ?`,
    )
    .pluck()
    .get(psnNo, dateOnly(now), code) as number;
}

function overDaily(
  db: SandboxDb,
  psnNo: string,
  line: OrderLine,
  now: Date,
): Omit<Finding, 'jr_id'> | null {
  const limit = DAILY_PACK_LIMITS[line.code];
  if (limit === undefined) return null;
  const before = settledToday(db, psnNo, line.code, now);
  if (before + line.cnt <= limit) return null;
  return {
    rule_id: 'SBX-JG-003',
    rule_name: '当日累计超量购药',
    vola_cont: `${line.name}同一参保人当日累计购药不得超过 ${limit} 盒：已结算 ${before} 盒，本次 ${line.cnt} 盒`,
    vola_evid: '同一参保人同一药品当日累计购药量（沙箱规则）',
    sev_deg: '1',
    vola_amt: line.sumamt,
  };
}

function overLimit(line: OrderLine): Omit<Finding, 'jr_id'> | null {
  const limit = PACK_LIMITS[line.code];
  const drug = sandboxCatalog().get(line.code);
  const inPacks = line.unit === '' || line.unit === drug?.packUnit;
  if (limit === undefined || !inPacks || line.cnt <= limit) return null;
  return {
    rule_id: 'SBX-JG-001',
    rule_name: '超目录限量购药',
    vola_cont: `${line.name}单次购药不得超过 ${limit}${drug?.packUnit ?? '盒'}，本次 ${line.cnt}${drug?.packUnit ?? '盒'}`,
    vola_evid: '医保药品目录限定单次购药量（沙箱规则）',
    sev_deg: '1',
    vola_amt: line.sumamt,
  };
}

function duplicate(psnNo: string, line: OrderLine, now: Date): Omit<Finding, 'jr_id'> | null {
  const earlier = (DEMO_RECORDS[psnNo] ?? []).find(
    (r) => r.codg === line.code && r.daysAgo < r.days,
  );
  if (!earlier) return null;
  const at = new Date(now.getTime() - earlier.daysAgo * DAY);
  return {
    rule_id: 'SBX-JG-002',
    rule_name: '重复购药',
    vola_cont: `参保人已于 ${at.toISOString().slice(0, 10)} 在沙箱第二大药房购买${earlier.name} ${earlier.cnt} 盒（用药 ${earlier.days} 天），用药周期未结束再次购买同一药品`,
    vola_evid: '同一参保人同一药品用药周期重叠（沙箱规则）',
    sev_deg: '2',
    vola_amt: line.sumamt,
  };
}

/** The findings for one person's lines, each with its own id. */
export function findingsFor(
  db: SandboxDb,
  psnNo: string,
  lines: OrderLine[],
  now: Date,
  msgid: string,
): Finding[] {
  const found = lines.flatMap((l) =>
    [overLimit(l), overDaily(db, psnNo, l, now), duplicate(psnNo, l, now)].filter(
      (f) => f !== null,
    ),
  );
  return found.map((f, i) => ({ ...f, jr_id: `${msgid}-${i + 1}` }));
}
