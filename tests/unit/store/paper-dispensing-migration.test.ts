import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { currentVersion, MIGRATIONS, type Migration, migrate } from '../../../src/store/migrations';

type Db = Database.Database;

const AT = 1_700_000_000_000;

/** A counter database as version 6 left it, with two e-prescription sales (one refunded). */
function databaseAtVersion6(): Db {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.slice(0, 6), () => AT);
  db.exec(`
    INSERT INTO staff (id, username, display_name, role, pharmacist_code, password_hash, created_at)
      VALUES (1, 'yaoshi', '张敏', 'pharmacist', 'Y500103000123', 'x', ${AT});
    INSERT INTO stock_batches (id, med_list_codg, batch_no, expiry, packs_received, packs_on_hand,
      received_by, received_at) VALUES (1, 'M1', 'B1', '2030-01-31', 10, 7, 1, ${AT});
  `);
  const rx = db.prepare(
    `INSERT INTO prescriptions (hi_rxno, rx_trace_code, fixmedins_code, fixmedins_name,
       patient_name, certno, prsc_time, status_codg, status_name, epc_token, reply, rx_file,
       local_valid, local_code, local_reason, altered_fields, center_state, center_message,
       verification, downloaded_by, downloaded_at, checked_at)
     VALUES (?, 't', 'H1', '医院', '张伟', 'C1', '2026-01-01 00:00:00', '1', '有效', 'e', '{}',
       x'00', 1, 'OK', '', '[]', 'passed', '', 'verified', 1, ${AT}, ${AT})`,
  );
  for (const [n, hiRxno, state] of [
    [1, 'RX1', 'completed'],
    [2, 'RX2', 'returned'],
  ] as const) {
    rx.run(hiRxno);
    db.exec(`
      INSERT INTO dispensings (id, hi_rxno, certno, patient_name, staff_id, state, started_at,
        completed_at, ended_at) VALUES (${n}, '${hiRxno}', 'C1', '张伟', 1, '${state}', ${AT},
        ${AT + n}, ${AT + n});
      INSERT INTO dispensing_lines (dispensing_id, line_no, med_list_codg, genname, split_pack,
        units_per_pack, qty_prescribed, qty_unit, packs_prescribed, qty_dispensed, days)
        VALUES (${n}, 1, 'M1', '药${n}', 0, NULL, 1, '盒', 1, 1, 7);
      INSERT INTO dispensing_codes (dispensing_id, line_no, code, kind, raw, pack_no, units,
        reused_pack, scanned_at) VALUES (${n}, 1, 'CODE${n}', 'trace20', 'CODE${n}', 1, NULL, 0, ${AT});
      INSERT INTO dispensing_allocations (dispensing_id, line_no, batch_id, packs)
        VALUES (${n}, 1, 1, 1);
      INSERT INTO sold_codes (code, med_list_codg, dispensing_id, sold_at, last_dispensing_id,
        last_used_at) VALUES ('CODE${n}', 'M1', ${n}, ${AT}, ${n}, ${AT});
      INSERT INTO dispensing_uploads (dispensing_id, infno, state, created_at, updated_at)
        VALUES (${n}, '7207', 'queued', ${AT}, ${AT}), (${n}, '3505', 'delivered', ${AT}, ${AT});
      INSERT INTO settlements (id, dispensing_id, hi_rxno, state, msgid, request, psn_no,
        insutype, insuplc_admdvs, patient_name, certno, staff_id, medfee_fen, setl_id, mdtrt_id,
        created_at, updated_at) VALUES (${n}, ${n}, '${hiRxno}',
        '${state === 'completed' ? 'settled' : 'refunded'}', 'MSG${n}', '{}', 'P1', '310',
        '500103', '张伟', 'C1', 1, 100, 'S${n}', 'T${n}', ${AT}, ${AT});
      INSERT INTO settlement_calls (settlement_id, infno, msgid, outcome, created_at)
        VALUES (${n}, '2102', 'MSG${n}', 'ok', ${AT});
      INSERT INTO sale_uploads (settlement_id, infno, msgid, created_at)
        VALUES (${n}, '3505', 'UP${n}', ${AT});
    `);
  }
  // A dispensing id that was used and then abandoned: ids must never be reused after the rebuild.
  db.exec("UPDATE sqlite_sequence SET seq = 9 WHERE name = 'dispensings'");
  return db;
}

const snapshot = (db: Db, table: string) =>
  db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2, 3`).all();

const RELATED = [
  'dispensing_lines',
  'dispensing_codes',
  'dispensing_allocations',
  'sold_codes',
  'dispensing_uploads',
  'settlements',
  'settlement_calls',
  'sale_uploads',
];

function paperInsert(db: Db, serial: string): number {
  db.prepare(
    `INSERT INTO paper_images (sm3, mime, size, bytes, created_at)
     VALUES (?, 'image/png', 1, x'00', ?) ON CONFLICT (sm3) DO NOTHING`,
  ).run('a'.repeat(64), AT);
  return db
    .prepare(
      `INSERT INTO paper_prescriptions (institution_code, institution_name, serial_no, rx_date,
         physician_name, patient_name, patient_certno, long_rx, signature_confirmed,
         stamp_confirmed, image_sm3, region_id, warnings, captured_by, created_at)
       VALUES ('H1', '医院', ?, '2026-01-01', '李', '王', 'C2', 0, 1, 1, ?, '500000', '[]', 1, ?)
       RETURNING id`,
    )
    .pluck()
    .get(serial, 'a'.repeat(64), AT) as number;
}

describe('migration 7: dispensings rebuilt for paper prescriptions', () => {
  const open: Db[] = [];
  afterEach(() => {
    for (const db of open.splice(0)) db.close();
  });
  const fresh = () => {
    const db = databaseAtVersion6();
    open.push(db);
    return db;
  };

  it('keeps every e-prescription dispensing, settlement and reference, with foreign keys on again [ARCH][R-PAPER-KEEP]', () => {
    const db = fresh();
    const before = Object.fromEntries(RELATED.map((t) => [t, snapshot(db, t)]));
    const dispensings = snapshot(db, 'dispensings');

    expect(migrate(db)).toContain(7);

    expect(currentVersion(db)).toBeGreaterThanOrEqual(7);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // migration 13 gives sold_codes its self-pay owner column, NULL for every dispensing's pack;
    // migration 24 gives settlements the supervision check they went ahead on, NULL for these,
    // and migration 26 the 事中 (3102) check, NULL too; migration 31 links an upload to an
    // inpatient hand-over, NULL for a settlement's
    const added: Record<string, object> = {
      sold_codes: { self_pay_sale_id: null },
      settlements: { supervision_check_id: null, mid_check_id: null },
      sale_uploads: { stay_handover_id: null },
    };
    const after = (t: string, rows: unknown[]) =>
      added[t] ? rows.map((r) => ({ ...(r as object), ...added[t] })) : rows;
    for (const t of RELATED) expect(snapshot(db, t), t).toEqual(after(t, before[t] ?? []));
    expect(snapshot(db, 'dispensings')).toEqual(
      // migration 16 adds who cancelled a held dispensing and why, NULL for these
      dispensings.map((d) => ({
        ...(d as object),
        paper_id: null,
        reviewed_by: null,
        cancel_reason: null,
        cancelled_by: null,
      })),
    );
    expect(
      db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'dispensings'").pluck().get(),
    ).toBe(9);
    const indexes = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'dispensings'")
      .pluck()
      .all();
    expect(indexes).toEqual(
      expect.arrayContaining([
        'dispensings_live_per_rx',
        'dispensings_live_per_paper',
        'dispensings_by_patient',
      ]),
    );
    // References from other tables still resolve against the rebuilt table.
    expect(() =>
      db
        .prepare(
          "INSERT INTO sold_codes (code, med_list_codg, dispensing_id, sold_at, last_dispensing_id, last_used_at) VALUES ('X', 'M1', 77, 1, 77, 1)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('a dispensing has exactly one source, and one live dispensing per paper prescription [R-STATUS][R-PAPER-NO]', () => {
    const db = fresh();
    migrate(db);
    const insert = db.prepare(
      `INSERT INTO dispensings (hi_rxno, paper_id, reviewed_by, certno, patient_name, staff_id,
         state, started_at) VALUES (?, ?, ?, 'C2', '王', 1, 'open', ?)`,
    );
    const paperId = paperInsert(db, 'P-1');
    // a pharmacist's confirmation, without which no paper dispensing is stored (migration 28)
    db.prepare(
      "INSERT INTO paper_confirmations (paper_id, decision, decided_by, decided_at) VALUES (?, 'confirmed', 1, ?)",
    ).run(paperId, AT);
    expect(() => insert.run(null, null, null, AT)).toThrow(/CHECK/);
    expect(() => insert.run('RX1', paperId, 1, AT)).toThrow(/CHECK/);
    expect(() => insert.run(null, paperId, null, AT)).toThrow(/CHECK/);
    const id = Number(insert.run(null, paperId, 1, AT).lastInsertRowid);
    expect(id).toBe(10);
    expect(() => insert.run(null, paperId, 1, AT)).toThrow(/UNIQUE/);
    // no such paper prescription: since migration 28 its missing confirmation refuses it first
    expect(() => insert.run(null, 999, 1, AT)).toThrow(/FOREIGN KEY|R-PHARMACIST/);
  });

  it('a rebuild that leaves a dangling reference is rolled back and foreign keys are restored [ARCH]', () => {
    const db = fresh();
    const broken: Migration = {
      version: 7,
      name: 'paper_dispensing',
      up: 'DELETE FROM dispensings WHERE id = 1',
      rebuildsTables: true,
    };
    expect(() => migrate(db, [...MIGRATIONS.slice(0, 6), broken])).toThrow(/外键检查/);
    expect(currentVersion(db)).toBe(6);
    expect(db.prepare('SELECT count(*) FROM dispensings').pluck().get()).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});
