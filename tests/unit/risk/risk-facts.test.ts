import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { CatalogDrug } from '../../../src/domain/catalog/catalog-drug';
import type { AuthenticatedSession } from '../../../src/services/auth-service';
import { silentLogger } from '../../../src/services/logger';
import { createRiskService } from '../../../src/services/risk/risk-service';
import { type Db, openDatabase } from '../../../src/store/database';
import { MIGRATIONS, migrate } from '../../../src/store/migrations';
import { june, LI, REGION, T, ZHANG } from './fixtures';
import { riskSeeder } from './seed-db';

const AMLO = { medListCodg: 'XC08CAA010A001010201587', genname: '苯磺酸氨氯地平片' };
const pharmacist = {
  tokenHash: 'h',
  signNo: null,
  staff: { id: 1, username: 'p', displayName: 'p', role: 'pharmacist', pharmacistCode: 'Y1' },
} as AuthenticatedSession;

const signalsOf = (db: Db) =>
  createRiskService({
    db,
    catalog: new Map<string, CatalogDrug>(),
    thresholds: T,
    region: () => REGION,
    log: silentLogger,
  }).signals(pharmacist, '2025-06-01', '2025-06-30');

const supplyFacts = (db: Db, id: number) =>
  db
    .prepare(
      'SELECT line_no, certno, med_list_codg, completed_at, days FROM rx_supply_facts WHERE dispensing_id = ? ORDER BY line_no',
    )
    .all(id);
const prescriberFacts = (db: Db, hiRxno: string) =>
  db
    .prepare('SELECT completed_at, certno, dr_name FROM rx_risk_facts WHERE hi_rxno = ?')
    .get(hiRxno);

/** Three refills of 30 days in twenty days (signal 3) and other ordinary dispensings. */
function seedJune(db: Db) {
  const seed = riskSeeder(db);
  for (const day of [-20, 1, 10, 20]) {
    seed.dispensing({
      hiRxno: `RX-Z${day}`,
      at: june(day),
      patientName: ZHANG.name,
      certno: ZHANG.certno,
      drCode: 'D1',
      drName: '赵医生',
      lines: [
        { ...AMLO, packs: 1, days: 30 },
        { ...AMLO, packs: 1, days: null },
      ],
    });
  }
  for (let i = 0; i < 7; i++) {
    seed.dispensing({
      hiRxno: `RX-L${i}`,
      at: june(2 + i),
      patientName: LI.name,
      certno: LI.certno,
      drCode: 'D2',
      drName: '钱医生',
      lines: [{ ...AMLO, packs: 12, days: 7 }],
    });
  }
  seed.paper({
    at: june(5),
    institutionCode: 'H1',
    serialNo: 'P1',
    physicianName: '赵医生',
    patientName: ZHANG.name,
    certno: ZHANG.certno,
    lines: [{ ...AMLO, quantity: 1, days: 30 }],
  });
}

describe('risk fact tables', () => {
  it('follow a dispensing through completion, return and a later dispensing, never a rewritten line or reply [R-RISK][R-HISTORY][R-KEEP]', () => {
    const db = openDatabase(':memory:');
    const seed = riskSeeder(db);
    const id = seed.dispensing({
      hiRxno: 'RX-1',
      at: june(3),
      patientName: ZHANG.name,
      certno: ZHANG.certno,
      drCode: 'D1',
      drName: '赵医生',
      lines: [{ ...AMLO, packs: 1, days: 28 }],
    });
    const completed = [
      {
        line_no: 1,
        certno: ZHANG.certno,
        med_list_codg: AMLO.medListCodg,
        completed_at: june(3),
        days: 28,
      },
    ];
    expect(supplyFacts(db, id)).toEqual(completed);
    expect(prescriberFacts(db, 'RX-1')).toEqual({
      completed_at: june(3),
      certno: ZHANG.certno,
      dr_name: '赵医生',
    });

    // R-KEEP: a completed dispensing's lines and the archived reply are never rewritten
    expect(() =>
      db.prepare('UPDATE dispensing_lines SET days = 14 WHERE dispensing_id = ?').run(id),
    ).toThrow(/R-KEEP/);
    const reply = JSON.stringify({ data: {}, mdtrtinfo: { prsc_dr_name: '孙医生' } });
    expect(() =>
      db.prepare('UPDATE prescriptions SET reply = ? WHERE hi_rxno = ?').run(reply, 'RX-1'),
    ).toThrow(/R-KEEP/);
    expect(supplyFacts(db, id)).toEqual(completed);
    expect(prescriberFacts(db, 'RX-1')).toMatchObject({ dr_name: '赵医生' });

    db.prepare("UPDATE dispensings SET state = 'returned' WHERE id = ?").run(id);
    expect(supplyFacts(db, id)).toEqual([]);
    expect(prescriberFacts(db, 'RX-1')).toMatchObject({ completed_at: null, certno: null });
    expect(() =>
      db
        .prepare(
          "UPDATE dispensings SET state = 'open', completed_at = NULL, ended_at = NULL WHERE id = ?",
        )
        .run(id),
    ).toThrow(/R-KEEP/);

    // a line added to an open dispensing waits for its completion
    const open = Number(
      db
        .prepare(
          `INSERT INTO dispensings (hi_rxno, certno, patient_name, staff_id, state, started_at)
           VALUES ('RX-1', ?, ?, 1, 'open', ?)`,
        )
        .run(ZHANG.certno, ZHANG.name, june(4)).lastInsertRowid,
    );
    db.prepare(
      `INSERT INTO dispensing_lines (dispensing_id, line_no, med_list_codg, genname, split_pack,
         units_per_pack, qty_prescribed, qty_unit, packs_prescribed, qty_dispensed, days)
       VALUES (?, 1, 'X-2', '其他药', 0, NULL, 1, '盒', 1, 1, NULL)`,
    ).run(open);
    expect(supplyFacts(db, open)).toEqual([]);
    db.prepare(
      "UPDATE dispensings SET state = 'completed', completed_at = ?, ended_at = ? WHERE id = ?",
    ).run(june(4), june(4), open);
    expect(supplyFacts(db, open)).toEqual([
      { line_no: 1, certno: ZHANG.certno, med_list_codg: 'X-2', completed_at: june(4), days: null },
    ]);
    db.close();
  });

  it('give the same signals whether copied by migration 9 or kept by its triggers [R-RISK]', () => {
    const before = openDatabase(':memory:');
    seedJune(before);
    const expected = signalsOf(before);
    expect(expected.filter((s) => s.triggered).map((s) => s.id)).toEqual(
      expect.arrayContaining(['PATIENT_OVER_DISPENSED', 'LARGE_LINE']),
    );
    before.close();

    const older = new Database(':memory:');
    migrate(older, MIGRATIONS.slice(0, 8));
    seedJune(older);
    migrate(older);
    expect(signalsOf(older)).toEqual(expected);
    older.close();
  });

  it('read a period per person and drug in index order, never sorting it [R-RISK]', () => {
    const db = openDatabase(':memory:');
    const plan = (sql: string) =>
      (
        db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ start: 0, end: 1 }) as Array<{
          detail: string;
        }>
      )
        .map((r) => r.detail)
        .join(' | ');
    const supplyPlan = plan(
      `SELECT certno, med_list_codg, group_concat(completed_at) FROM rx_supply_facts
       WHERE completed_at >= @start AND completed_at < @end GROUP BY certno, med_list_codg`,
    );
    expect(supplyPlan).toContain('COVERING INDEX rx_supply_facts_by_person_drug');
    expect(supplyPlan).not.toContain('TEMP B-TREE');
    db.close();
  });
});
