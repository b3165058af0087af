import type { IncomingMessage, ServerResponse } from 'node:http';
import { dateTime } from '../../center/clock';
import type { SandboxDb } from '../db';
import { sendJson } from '../http-util';
import { SETTLEMENT_CODES } from './codes';
import { yuan } from './money';
import type { SettlementRow } from './store';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const STAS_NAMES: Record<string, string> = {
  [SETTLEMENT_CODES.setlStas.settled]: '正常',
  [SETTLEMENT_CODES.setlStas.reversed]: '已撤销',
  [SETTLEMENT_CODES.setlStas.voided]: '已冲正',
};

const at = (ms: number | null) => (ms === null ? null : dateTime(new Date(ms)));

function settlementView(r: SettlementRow) {
  return {
    setl_id: r.setl_id,
    mdtrt_id: r.mdtrt_id,
    msgid: r.msgid,
    fixmedins_code: r.fixmedins_code,
    psn_no: r.psn_no,
    insutype: r.insutype,
    poolarea: r.poolarea,
    setl_time: r.setl_time,
    hi_rxno: r.hi_rxno,
    rx_form: r.rx_form,
    stas: r.stas,
    stas_name: STAS_NAMES[r.stas] ?? r.stas,
    rvs_msgid: r.rvs_msgid,
    rvs_time: r.rvs_time,
    medfee_sumamt: yuan(r.medfee_fen),
    fund_pay_sumamt: yuan(r.fund_fen),
    psn_part_amt: yuan(r.psn_part_fen),
    acct_pay: yuan(r.acct_fen),
    psn_cash_pay: yuan(r.cash_fen),
    act_pay_dedc: yuan(r.dedc_fen),
    hifp_pay: yuan(r.hifp_fen),
  };
}

type Query = URLSearchParams;
type Reader = (db: SandboxDb, q: Query) => { status: number; body: unknown };

const bad = (message: string) => ({ status: 400, body: { code: 400, message } });

/** Optional equality filters on a table, from query parameters of the same name. */
function filtered(db: SandboxDb, table: string, q: Query, columns: string[], order: string) {
  const used = columns.filter((c) => q.get(c));
  const where = used.length ? `WHERE ${used.map((c) => `${c} = @${c}`).join(' AND ')}` : '';
  return db
    .prepare(`SELECT * FROM ${table} ${where} ORDER BY ${order} LIMIT 1000`)
    .all(Object.fromEntries(used.map((c) => [c, q.get(c)]))) as Record<string, unknown>[];
}

const READERS: Record<string, Reader> = {
  '/x/sandbox/settlements': (db, q) => {
    const date = q.get('date');
    if (!date && !q.get('setl_id') && !q.get('psn_no') && !q.get('hi_rxno')) {
      return bad('须给出 date=yyyy-MM-dd，或 setl_id、psn_no、hi_rxno 之一');
    }
    if (date && !DATE.test(date)) return bad('date 应为 yyyy-MM-dd');
    if (date) q.set('setl_date', date);
    const rows = filtered(
      db,
      'settlements',
      q,
      ['setl_date', 'setl_id', 'psn_no', 'hi_rxno', 'fixmedins_code', 'stas'],
      'created_at',
    );
    return {
      status: 200,
      body: { settlements: (rows as unknown as SettlementRow[]).map(settlementView) },
    };
  },
  '/x/sandbox/sold-codes': (db, q) => {
    const code = q.get('code');
    if (!code) return bad('须给出 code（药品追溯码）');
    const rows = db
      .prepare('SELECT * FROM sold_codes WHERE drug_trac_codg = ? ORDER BY id')
      .all(code) as Record<string, unknown>[];
    const sales = rows.map((r) => ({
      source: r.source,
      ref: r.ref,
      fixmedins_code: r.fixmedins_code,
      med_list_codg: r.med_list_codg,
      setl_id: r.setl_id,
      hi_rxno: r.hi_rxno,
      trdn_flag: r.trdn_flag,
      sold_at: at(r.sold_at as number),
      released_at: at(r.released_at as number | null),
    }));
    return { status: 200, body: { code, sold: sales.some((s) => s.released_at === null), sales } };
  },
  '/x/sandbox/sales': (db, q) => {
    if (!q.get('hi_rxno') && !q.get('sel_sn')) return bad('须给出 hi_rxno 或 sel_sn');
    const rows = filtered(db, 'sales_outbound', q, ['hi_rxno', 'sel_sn'], 'created_at');
    return {
      status: 200,
      body: {
        sales: rows.map(({ request, created_at, cancelled_at, ...r }) => ({
          ...r,
          created_at: at(created_at as number),
          cancelled_at: at(cancelled_at as number | null),
          selinfo: (JSON.parse(String(request)) as { selinfo?: unknown }).selinfo ?? [],
        })),
      },
    };
  },
  '/x/sandbox/inventory': (db, q) => {
    if (!q.get('infno') && !q.get('fixmedins_bchno')) return bad('须给出 infno 或 fixmedins_bchno');
    const rows = filtered(
      db,
      'inventory_uploads',
      q,
      ['infno', 'fixmedins_bchno', 'fixmedins_code', 'msgid'],
      'id',
    );
    return {
      status: 200,
      body: {
        records: rows.map(({ record, created_at, deleted_at, ...r }) => ({
          ...r,
          created_at: at(created_at as number),
          deleted_at: at(deleted_at as number | null),
          record: JSON.parse(String(record)) as unknown,
        })),
      },
    };
  },
  '/x/sandbox/supervision-feedbacks': (db, q) => {
    if (!q.get('psn_no')) return bad('须给出 psn_no');
    const rows = db
      .prepare(
        `SELECT f.jr_id, f.infno, f.rule_id, f.sev_deg, b.msgid, b.dspo_way, b.dspo_way_rea,
                b.opter, b.created_at
           FROM supervision_findings f JOIN supervision_feedbacks b ON b.jr_id = f.jr_id
          WHERE f.psn_no = ? ORDER BY b.created_at, f.jr_id`,
      )
      .all(q.get('psn_no')) as Array<Record<string, unknown>>;
    return {
      status: 200,
      body: {
        feedbacks: rows.map((r) => ({ ...r, created_at: at(r.created_at as number) })),
      },
    };
  },
  '/x/sandbox/reversals': (db, q) => {
    const rows = filtered(db, 'fsi_reversals', q, ['omsgid', 'fixmedins_code'], 'created_at');
    return { status: 200, body: { reversals: rows } };
  },
};

/**
 * Sandbox-only read routes over the settlement engine's records (tests, reconciliation);
 * the caller has already checked loopback. Returns false when the path is not one of them.
 */
export function handleSettlementReads(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  db: SandboxDb,
): boolean {
  const reader = READERS[path];
  if (!reader || req.method !== 'GET') return false;
  const q = new URL(req.url ?? '/', 'http://sandbox.invalid').searchParams;
  const { status, body } = reader(db, q);
  sendJson(res, status, body);
  return true;
}
