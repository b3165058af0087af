import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../../src/store/migrations';

type Db = Database.Database;

const AT = 1_700_000_000_000;

/**
 * A counter database as version 11 left it: pack A sold on a prescription, pack B sold on a
 * prescription and returned then sold for cash, pack C sold for cash only, and pack D sold on a
 * prescription and (the old bug) again for cash.
 */
function databaseAtVersion11(): Db {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.slice(0, 11), () => AT);
  db.exec(`
    INSERT INTO staff (id, username, display_name, role, pharmacist_code, password_hash, created_at)
      VALUES (1, 'yaoshi', '张敏', 'pharmacist', 'Y500103000123', 'x', ${AT});
    INSERT INTO prescriptions (hi_rxno, rx_trace_code, fixmedins_code, fixmedins_name,
       patient_name, certno, prsc_time, status_codg, status_name, epc_token, reply, rx_file,
       local_valid, local_code, local_reason, altered_fields, center_state, center_message,
       verification, downloaded_by, downloaded_at, checked_at)
     VALUES ('RX1', 't', 'H1', '医院', '张伟', 'C1', '2026-01-01 00:00:00', '1', '有效', 'e', '{}',
       x'00', 1, 'OK', '', '[]', 'passed', '', 'verified', 1, ${AT}, ${AT});
    INSERT INTO dispensings (id, hi_rxno, certno, patient_name, staff_id, state, started_at,
      completed_at, ended_at) VALUES (1, 'RX1', 'C1', '张伟', 1, 'completed', ${AT}, ${AT}, ${AT});
    INSERT INTO sold_codes (code, med_list_codg, dispensing_id, sold_at, returned_at,
      last_dispensing_id, last_used_at) VALUES
      ('A', 'M1', 1, ${AT}, NULL, 1, ${AT}),
      ('B', 'M1', 1, ${AT}, ${AT + 10}, 1, ${AT}),
      ('D', 'M1', 1, ${AT}, NULL, 1, ${AT});
    INSERT INTO self_pay_sales (id, staff_id, total_fen, sold_at) VALUES (5, 1, 300, ${AT + 20});
    INSERT INTO self_pay_lines (sale_id, line_no, med_list_codg, name, packs, price_fen)
      VALUES (5, 1, 'M1', '药', 3, 100);
    INSERT INTO self_pay_codes (sale_id, line_no, code) VALUES (5, 1, 'B'), (5, 1, 'C'), (5, 1, 'D');
  `);
  return db;
}

const owners = (db: Db) =>
  db
    .prepare(
      'SELECT code, dispensing_id, self_pay_sale_id, returned_at FROM sold_codes ORDER BY code',
    )
    .all();

describe('migration 13: one sold-code registry for every sale path', () => {
  const open: Db[] = [];
  afterEach(() => {
    for (const db of open.splice(0)) db.close();
  });

  it('copies the cash sales’ codes in; a code live on a prescription keeps its earlier sale [R-TRACE-ONCE]', () => {
    const db = databaseAtVersion11();
    open.push(db);
    expect(migrate(db)).toContain(13);
    expect(owners(db)).toEqual([
      { code: 'A', dispensing_id: 1, self_pay_sale_id: null, returned_at: null },
      { code: 'B', dispensing_id: null, self_pay_sale_id: 5, returned_at: null },
      { code: 'C', dispensing_id: null, self_pay_sale_id: 5, returned_at: null },
      { code: 'D', dispensing_id: 1, self_pay_sale_id: null, returned_at: null },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('refuses a row with no sale or two sales, and a live pack handed to another sale; a returned pack may be sold again [R-TRACE-ONCE]', () => {
    const db = databaseAtVersion11();
    open.push(db);
    migrate(db);
    const insert = (code: string, dispensing: number | null, sale: number | null) =>
      db
        .prepare(
          `INSERT INTO sold_codes (code, med_list_codg, dispensing_id, self_pay_sale_id, sold_at,
             last_dispensing_id, last_used_at) VALUES (?, 'M1', ?, ?, 1, ?, 1)`,
        )
        .run(code, dispensing, sale, dispensing);
    expect(() => insert('E', null, null)).toThrow(/CHECK constraint failed/);
    expect(() => insert('E', 1, 5)).toThrow(/CHECK constraint failed/);
    expect(() => insert('C', 1, null)).toThrow(/UNIQUE constraint failed: sold_codes\.code/);
    const handOver = db.prepare(
      `UPDATE sold_codes SET dispensing_id = 1, self_pay_sale_id = NULL, last_dispensing_id = 1
       WHERE code = ?`,
    );
    expect(() => handOver.run('C')).toThrow(/R-TRACE-ONCE/);
    db.prepare('UPDATE sold_codes SET returned_at = ? WHERE code = ?').run(AT + 30, 'C');
    expect(handOver.run('C').changes).toBe(1);
  });
});
