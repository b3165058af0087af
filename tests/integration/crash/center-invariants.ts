import type { Db } from '../../../src/store/database';

interface CenterSettlement {
  setl_id: string;
  msgid: string;
  hi_rxno: string;
  stas: string;
}

/** What one lane's checks remember across kills and episodes (one sandbox per lane). */
export interface CenterMemory {
  /** msgid of every 2102 any database of this lane ever recorded. */
  localSettlementMsgids: Set<string>;
  /** Uploads whose effect at the center was already checked. */
  checkedUploads: Set<string>;
}

const beijingDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

async function read<T>(sandboxUrl: string, route: string): Promise<T> {
  const res = await fetch(`${sandboxUrl}/x/sandbox/${route}`);
  if (!res.ok) throw new Error(`sandbox ${route}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/**
 * Compares a reopened counter database with the center (sandbox read routes): one live
 * settlement per prescription at most, none the counter does not know of, each msgid with one
 * effect, every local settlement live at the center, and each delivered 7207/3505 recorded once.
 */
export async function centerViolations(
  db: Db,
  sandboxUrl: string,
  memory: CenterMemory,
): Promise<string[]> {
  const out: string[] = [];
  const local = db
    .prepare('SELECT msgid, state, setl_id AS setlId FROM settlements')
    .all() as Array<{ msgid: string; state: string; setlId: string | null }>;
  for (const s of local) memory.localSettlementMsgids.add(s.msgid);
  const byMsgid = new Map(local.map((s) => [s.msgid, s]));

  const days = [...new Set([beijingDay(Date.now()), beijingDay(Date.now() - 3_600_000)])];
  const center: CenterSettlement[] = [];
  for (const day of days) {
    center.push(
      ...(await read<{ settlements: CenterSettlement[] }>(sandboxUrl, `settlements?date=${day}`))
        .settlements,
    );
  }
  const liveByRx = new Map<string, number>();
  const perMsgid = new Map<string, number>();
  for (const c of center) {
    perMsgid.set(c.msgid, (perMsgid.get(c.msgid) ?? 0) + 1);
    if (!memory.localSettlementMsgids.has(c.msgid))
      out.push(`center settlement ${c.setl_id} from msgid ${c.msgid} unknown to the counter`);
    if (c.stas !== '1') continue;
    liveByRx.set(c.hi_rxno, (liveByRx.get(c.hi_rxno) ?? 0) + 1);
    const mine = byMsgid.get(c.msgid);
    if (mine && (mine.state === 'refused' || mine.state === 'voided'))
      out.push(`center settlement ${c.setl_id} live but the counter recorded ${mine.state}`);
  }
  for (const [rx, n] of liveByRx) if (n > 1) out.push(`${n} live settlements for ${rx}`);
  for (const [msgid, n] of perMsgid) if (n > 1) out.push(`msgid ${msgid} took effect ${n} times`);
  const liveSetlIds = new Set(center.filter((c) => c.stas === '1').map((c) => c.setl_id));
  for (const s of local) {
    if (s.state === 'settled' && s.setlId && !liveSetlIds.has(s.setlId))
      out.push(`local settlement ${s.setlId} not live at the center`);
  }
  out.push(...(await uploadViolations(db, sandboxUrl, memory)));
  return out;
}

/** Each delivered 7207 has one live sale record; each code of a delivered upload is sold once per interface. */
async function uploadViolations(db: Db, sandboxUrl: string, memory: CenterMemory) {
  const out: string[] = [];
  const delivered = db
    .prepare(
      `SELECT o.msgid, o.infno, u.settlement_id AS settlementId, u.sale_id AS saleId, s.hi_rxno AS hiRxno,
              s.dispensing_id AS dispensingId
         FROM outbox o JOIN sale_uploads u ON u.msgid = o.msgid
         LEFT JOIN settlements s ON s.id = u.settlement_id
        WHERE o.status = 'delivered' AND o.infno IN ('7207', '3505')`,
    )
    .all() as Array<{
    msgid: string;
    infno: string;
    saleId: number | null;
    hiRxno: string | null;
    dispensingId: number | null;
  }>;
  const codesOfDispensing = db.prepare('SELECT code FROM dispensing_codes WHERE dispensing_id = ?');
  const codesOfSale = db.prepare('SELECT code FROM self_pay_codes WHERE sale_id = ?');
  for (const u of delivered) {
    if (memory.checkedUploads.has(u.msgid)) continue;
    memory.checkedUploads.add(u.msgid);
    if (u.infno === '7207' && u.hiRxno) {
      const { sales } = await read<{ sales: Array<{ stas: string }> }>(
        sandboxUrl,
        `sales?hi_rxno=${u.hiRxno}`,
      );
      const live = sales.filter((s) => s.stas === '1').length;
      if (live !== 1) out.push(`7207 ${u.msgid}: ${live} live sale records for ${u.hiRxno}`);
    }
    const codes = (
      u.saleId !== null
        ? codesOfSale.pluck().all(u.saleId)
        : codesOfDispensing.pluck().all(u.dispensingId)
    ) as string[];
    for (const code of codes) {
      const r = await read<{ sales: Array<{ source: string; released_at: string | null }> }>(
        sandboxUrl,
        `sold-codes?code=${code}`,
      );
      const mine = r.sales.filter((s) => s.source === u.infno && !s.released_at).length;
      if (mine !== 1) out.push(`${u.infno} ${u.msgid}: code ${code} sold ${mine} times`);
    }
  }
  return out;
}
