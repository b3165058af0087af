import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReconExportResult, ReconPeriodView } from '../../../src/contract/types-recon';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { settleOnePack, signedInOnDuty } from '../../support/settled-sale';

const AMLODIPINE = 'XC08CAA010A001010201587';
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const [zhang] = DEMO_PATIENTS;
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !zhang || !ownVoucher) throw new Error('demo data missing');
const beijingDate = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
const today = beijingDate(Date.now());
const monthAgo = beijingDate(Date.now() - 30 * 86_400_000);
let serial = 930_000;

/** RFC 4180 records of a CSV (quoted fields with commas and doubled quotes). */
function csvRecords(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell.replace(/\r$/, ''));
      out.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  return out;
}

describe('reconciliation 对账 of a period with the center: 3201 totals, 3202 details, CSV export [R-RECON]', () => {
  let h: Harness;
  let token: string;
  const api = <T>(method: string, input: unknown) => h.api<T>(method, input, token);
  const ok = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await api<T>(method, input);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };
  const settled = () =>
    settleOnePack(h, ok, {
      patient: zhang,
      drug: AMLODIPINE,
      ownVoucher,
      traceCode: `8020741${String(serial++).padStart(13, '0')}`,
    });
  const sql = (text: string, ...args: unknown[]) => h.services.db.prepare(text).run(...args);

  beforeAll(async () => {
    h = await startHarness();
    await h.services.worker.stop();
    token = await signedInOnDuty(h, pharmacist);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('balances a period, and lists per settlement two differences that cancel out in the totals [R-RECON]', async () => {
    const a = await settled();
    const b = await settled();
    const clean = await ok<ReconPeriodView>('recon.period', { from: monthAgo, to: today });
    expect(clean).toMatchObject({ totalsBalanced: true, balanced: true, differences: [] });
    expect(clean.local).toEqual(clean.center);
    expect(clean.local.settlements).toBe(2);
    expect(clean.source).toContain('3202');

    // One local settlement 1 yuan more, the other 1 yuan less, in the same part of the split:
    // every total 3201 compares still agrees.
    const parts = h.services.db
      .prepare(
        'SELECT fund_fen AS fund, acct_fen AS acct, cash_fen AS cash FROM settlements WHERE id = ?',
      )
      .get(b.settlementId) as Record<'fund' | 'acct' | 'cash', number>;
    const part = (['fund', 'acct', 'cash'] as const).find((k) => parts[k] >= 100);
    const shift = (id: number, fen: number) =>
      sql(
        `UPDATE settlements SET medfee_fen = medfee_fen + ?, ${part}_fen = ${part}_fen + ? WHERE id = ?`,
        fen,
        fen,
        id,
      );
    shift(a.settlementId, 100);
    shift(b.settlementId, -100);
    const netted = await ok<ReconPeriodView>('recon.period', { from: monthAgo, to: today });
    expect(netted.totalsBalanced).toBe(true);
    expect(netted.balanced).toBe(false);
    expect(netted.differences.map((d) => [d.kind, d.setlId])).toEqual([
      ['amount_mismatch', a.setlId],
      ['amount_mismatch', b.setlId],
    ]);

    // A settlement the counter no longer counts: the center's 3201 says the totals differ.
    sql("UPDATE settlements SET state = 'voided' WHERE id = ?", b.settlementId);
    const short = await ok<ReconPeriodView>('recon.period', { from: monthAgo, to: today });
    expect(short.totalsBalanced).toBe(false);
    expect(short.totalsText).toContain('结算笔数');
    expect(short.differences.map((d) => [d.kind, d.setlId])).toContainEqual([
      'missing_locally',
      b.setlId,
    ]);

    const before = await ok<ReconPeriodView>('recon.period', {
      from: '2020-01-01',
      to: '2020-12-31',
    });
    expect(before).toMatchObject({
      balanced: true,
      local: { settlements: 0 },
      center: { settlements: 0 },
    });
    const backwards = await api('recon.period', { from: today, to: monthAgo });
    expect(backwards.error).toMatchObject({ code: 'VALIDATION', ruleId: 'R-RECON' });
    const tooLong = await api('recon.period', { from: '2020-01-01', to: today });
    expect(tooLong.error).toMatchObject({ code: 'VALIDATION', ruleId: 'R-RECON' });
  });

  it('exports one row per prescription with both sides and the difference, formula cells neutralised, and audits it [R-RECON]', async () => {
    const c = await settled();
    const d = await settled();
    sql(
      'UPDATE settlements SET hi_rxno = \'=HYPERLINK("http://x","点我")\' WHERE id = ?',
      c.settlementId,
    );
    // 1 fen moved to cash: the total still adds up, the split differs.
    sql(
      `UPDATE settlements SET hi_rxno = '@SUM(1+1)',
         cash_fen = cash_fen + 1,
         fund_fen = CASE WHEN fund_fen >= 1 THEN fund_fen - 1 ELSE fund_fen END,
         acct_fen = CASE WHEN fund_fen < 1 THEN acct_fen - 1 ELSE acct_fen END
       WHERE id = ?`,
      d.settlementId,
    );

    const out = await ok<ReconExportResult>('recon.export', { from: monthAgo, to: today });
    expect(out.fileName).toMatch(/^对账_.*\.csv$/);
    const bytes = Buffer.from(out.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = csvRecords(bytes.subarray(3).toString('utf8'));
    const header = records.find((r) => r[0] === '处方号');
    expect(header).toBeDefined();
    const bySetlId = (id: string | null) => records.find((r) => r[1] === id);
    const rowC = bySetlId(c.setlId);
    const rowD = bySetlId(d.setlId);
    expect(rowC?.[0]).toBe('\'=HYPERLINK("http://x","点我")');
    expect(rowD?.[0]).toBe("'@SUM(1+1)");
    expect(rowC?.at(-2)).toBe('一致');
    expect(rowD?.at(-2)).toBe('不一致');
    expect(rowD?.at(-1)).toContain('个人现金支付');
    for (const r of records) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@]/);
    expect(out.rows).toBe(records.length - records.indexOf(header ?? []) - 1);

    const audit = h.services.db
      .prepare(
        "SELECT detail FROM audit_log WHERE action = 'recon.export' ORDER BY seq DESC LIMIT 1",
      )
      .pluck()
      .get() as string;
    expect(JSON.parse(audit)).toMatchObject({ from: monthAgo, to: today, sm3: out.sm3 });
  });
});
