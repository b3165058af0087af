import { describe, expect, it } from 'vitest';
import type { RiskSignal, RiskSignalId } from '../../../src/contract/types-risk';
import type { CatalogDrug } from '../../../src/domain/catalog/catalog-drug';
import type { Role } from '../../../src/domain/staff';
import type { AuthenticatedSession } from '../../../src/services/auth-service';
import { silentLogger } from '../../../src/services/logger';
import { createRiskService } from '../../../src/services/risk/risk-service';
import { openDatabase } from '../../../src/store/database';
import { june, LI, REGION, T, ZHANG } from './fixtures';
import { riskSeeder } from './seed-db';

const AMLO = { medListCodg: 'XC08CAA010A001010201587', genname: '苯磺酸氨氯地平片' };
const AMOX = { medListCodg: 'XJ01CAA040A001010100435', genname: '阿莫西林胶囊' };
const catalog = new Map([[AMOX.medListCodg, { genname: AMOX.genname } as CatalogDrug]]);

const session = (role: Role): AuthenticatedSession => ({
  tokenHash: 'h',
  signNo: null,
  staff: {
    id: role === 'cashier' ? 2 : 1,
    username: role,
    displayName: role,
    role,
    pharmacistCode: null,
  },
});

function setup() {
  const db = openDatabase(':memory:');
  const seed = riskSeeder(db);
  const risk = createRiskService({
    db,
    catalog,
    thresholds: T,
    region: () => REGION,
    log: silentLogger,
  });
  const signals = (role: Role = 'pharmacist') =>
    new Map<RiskSignalId, RiskSignal>(
      risk.signals(session(role), '2025-06-01', '2025-06-30').map((s) => [s.id, s]),
    );
  return { db, seed, signals };
}

let rxNo = 0;
const eRx = (over: Partial<Parameters<ReturnType<typeof riskSeeder>['dispensing']>[0]>) => ({
  hiRxno: `RX${++rxNo}`,
  at: june(3),
  patientName: LI.name,
  certno: `50010319900101${String(rxNo).padStart(4, '0')}`,
  drCode: 'D-ZHAO',
  drName: '赵医生',
  lines: [{ ...AMLO, packs: 1, days: 28 }],
  ...over,
});
const paperRx = (n: number, over: Record<string, unknown> = {}) => ({
  at: june(4),
  institutionCode: 'H9',
  serialNo: `P${n}`,
  physicianName: `医师${n}`,
  patientName: LI.name,
  certno: `50010319850101${String(n).padStart(4, '0')}`,
  lines: [{ ...AMLO, quantity: 1, days: 7 }],
  ...over,
});

describe('risk signals over a real SQLite database', () => {
  it('every signal triggers on its seeded scenario [R-RISK][R-LONGRX][R-TRACE-ONCE]', () => {
    const { seed, signals } = setup();
    // 1 + 4: eleven paper prescriptions from one institution (limits 10 and 5 per 30 days)
    for (let n = 1; n <= 11; n++)
      seed.paper(paperRx(n, { institutionCode: 'H1', physicianName: '王医生' }));
    // 2: a line of 12 packs and a long prescription of 90 days
    seed.dispensing(eRx({ lines: [{ ...AMLO, packs: 12, days: 28 }] }));
    seed.dispensing(eRx({ longRx: true, lines: [{ ...AMOX, packs: 2, days: 90 }] }));
    // 3: the same person given 30 days' supply three times in twenty days
    for (const day of [1, 10, 20]) {
      seed.dispensing(
        eRx({
          at: june(day),
          patientName: ZHANG.name,
          certno: ZHANG.certno,
          drCode: `D${day}`,
          drName: `医${day}`,
        }),
      );
    }
    // 6: one already-sold code refused twice
    const d = seed.dispensing(eRx({}));
    seed.refusal('80103710000000001234', june(5), d);
    seed.refusal('80103710000000001234', june(6), d);

    const s = signals();
    for (const id of [
      'PAPER_VOLUME',
      'LARGE_LINE',
      'PATIENT_OVER_DISPENSED',
      'INSTITUTION_PAPER',
      'REPEATED_REFUSED_CODE',
    ] as const) {
      expect(s.get(id)?.triggered, id).toBe(true);
    }
    expect(s.get('LARGE_LINE')?.severity).toBe('alert');
    expect(
      s
        .get('LARGE_LINE')
        ?.drill.rows.map((r) => r.packs)
        .sort(),
    ).toEqual([12, 2]);
    expect(s.get('PATIENT_OVER_DISPENSED')?.drill.rows[0]).toMatchObject({
      patient: '张*丰',
      certno: '5001**********1234',
      dispensings: 3,
    });
    expect(s.get('REPEATED_REFUSED_CODE')?.drill.rows[0]).toMatchObject({
      code: '80103710000000001234',
      drug: '阿莫西林胶囊',
      times: 2,
      staff: '张敏',
    });
    expect(JSON.stringify([...s.values()])).not.toContain(ZHANG.certno);
  });

  it('no signal triggers on an ordinary month, nor on rows outside the period [R-RISK]', () => {
    const { seed, signals } = setup();
    for (let n = 1; n <= 3; n++) seed.paper(paperRx(n, { institutionCode: `H${n}` }));
    // lots of paper, but in May
    for (let n = 10; n <= 40; n++) seed.paper(paperRx(n, { at: june(-5), institutionCode: 'H1' }));
    for (let i = 0; i < 20; i++) {
      seed.dispensing(
        eRx({ drCode: `D${i % 5}`, drName: `医${i % 5}`, certno: `5001031990010100${10 + i}` }),
      );
    }
    for (const day of [-27, 1, 29]) seed.dispensing(eRx({ at: june(day), certno: ZHANG.certno }));
    const d = seed.dispensing(eRx({ lines: [{ ...AMLO, packs: 10, days: 30 }] }));
    seed.refusal('80103710000000001234', june(5), d);
    seed.refusal('80103710000000005678', june(6), d);
    seed.refusal('80103710000000005678', june(-3), d);

    const s = signals();
    expect([...s.values()].filter((x) => x.triggered).map((x) => x.id)).toEqual([]);
    expect(s.get('PAPER_VOLUME')?.measureValue).toBe(3);
    expect(s.get('PAPER_VOLUME')?.measure).toContain('占全部 26 张');
  });

  it('refuses a cashier with FORBIDDEN and lets an administrator read [R-RISK]', () => {
    const { signals } = setup();
    expect(() => signals('cashier')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', ruleId: 'R-RISK' }),
    );
    expect(signals('admin').size).toBe(6);
  });

  it('keeps refusals and prescriber facts in the schema, indexed by period [R-RISK][R-KEEP]', () => {
    const { db, seed } = setup();
    const d = seed.dispensing(
      eRx({ hiRxno: 'RX-FACT', drCode: 'D-1', drName: '周医生', longRx: true }),
    );
    expect(
      db
        .prepare('SELECT dr_code, dr_name, long_rx FROM rx_risk_facts WHERE hi_rxno = ?')
        .get('RX-FACT'),
    ).toEqual({
      dr_code: 'D-1',
      dr_name: '周医生',
      long_rx: 1,
    });
    seed.refusal('80103710000000001234', june(5), d);
    expect(() => db.prepare('DELETE FROM scan_refusals').run()).toThrow(/R-KEEP/);
    expect(() => db.prepare("UPDATE scan_refusals SET reason = 'X'").run()).toThrow(/R-KEEP/);
    const plan = (sql: string) =>
      (
        db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ start: 0, end: 1 }) as Array<{
          detail: string;
        }>
      )
        .map((r) => r.detail)
        .join(' | ');
    expect(
      plan(
        "SELECT count(*) FROM dispensings d WHERE d.state = 'completed' AND d.completed_at >= @start AND d.completed_at < @end AND d.hi_rxno IS NOT NULL",
      ),
    ).toMatch(/USING (COVERING )?INDEX \w+ \(completed_at>\? AND completed_at<\?\)/);
    expect(plan('SELECT * FROM scan_refusals WHERE at >= @start AND at < @end')).toContain(
      'scan_refusals_by_at',
    );
  });
});
