import { readCappedBody } from '../../center/capped-body';

/** One settlement as the center recorded it (amounts in fen). */
export interface CenterSettlementRecord {
  setlId: string;
  msgid: string;
  hiRxno: string | null;
  /** '1' live; anything else reversed. */
  stas: string;
  medfeeFen: number;
  fundFen: number;
  acctFen: number;
  cashFen: number;
}

/** The center's side of a day. */
export interface CenterRecords {
  /** Shown with the result, so nobody mistakes the sandbox's side for the real center's. */
  source: string;
  settlementsOn(date: string): Promise<CenterSettlementRecord[]>;
}

interface SandboxRow {
  setl_id: string;
  msgid: string;
  hi_rxno: string | null;
  stas: string;
  medfee_sumamt: number;
  fund_pay_sumamt: number;
  acct_pay: number;
  psn_cash_pay: number;
}

/** A day's settlements of one pharmacy: far below this; read as a stream and cut there. */
const RECON_REPLY_CAP_BYTES = 16 * 1024 * 1024;

const fen = (yuan: number) => Math.round(Number(yuan) * 100);

/**
 * The center's settlements of a day, read from the sandbox's read routes
 * (`GET /x/sandbox/settlements?date=&fixmedins_code=`, docs/sandbox.md). A real center offers
 * no such route: there the same comparison is made with the FSI reconciliation transactions
 * 3201 (对总账, totals per insurance type and clearing type) and 3202 (对明细账, the detail of a
 * period when totals differ). They are not yet in nhsa-interfaces-research.md nor in the
 * sandbox; adding them replaces this file only.
 */
export function sandboxCenterRecords(opts: {
  baseUrl: string;
  fixmedinsCode: string;
  timeoutMs: number;
}): CenterRecords {
  return {
    source:
      '医保中心沙箱记录（/x/sandbox/settlements）；正式环境应使用 3201 对总账 / 3202 对明细账',
    async settlementsOn(date) {
      const url = `${opts.baseUrl}/x/sandbox/settlements?date=${date}&fixmedins_code=${opts.fixmedinsCode}`;
      const res = await fetch(url, { signal: AbortSignal.timeout(opts.timeoutMs) });
      if (!res.ok) throw new Error(`医保中心对账数据读取失败：HTTP ${res.status}`);
      const text = new TextDecoder().decode(await readCappedBody(res, RECON_REPLY_CAP_BYTES));
      const body = JSON.parse(text) as { settlements?: unknown };
      if (!Array.isArray(body.settlements)) throw new Error('医保中心对账数据格式不正确');
      const rows = body.settlements as SandboxRow[];
      return rows.map((r) => ({
        setlId: r.setl_id,
        msgid: r.msgid,
        hiRxno: r.hi_rxno,
        stas: r.stas,
        medfeeFen: fen(r.medfee_sumamt),
        fundFen: fen(r.fund_pay_sumamt),
        acctFen: fen(r.acct_pay),
        cashFen: fen(r.psn_cash_pay),
      }));
    },
  };
}
