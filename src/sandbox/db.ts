import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { demoPharmacistsSql } from './pharmacists';
import { SETTLEMENT_SCHEMA_SQL } from './settlement/schema';
import { SUPERVISION_SCHEMA_SQL } from './supervision/schema';

export type SandboxDb = Database.Database;

/**
 * The sandbox center's own SQLite file. Money in fen; times as epoch milliseconds unless the
 * column holds the platform's formatted text (sign_time etc.).
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);

  CREATE TABLE institutions (
    fixmedins_code TEXT PRIMARY KEY,
    fixmedins_name TEXT NOT NULL,
    fixmedins_type TEXT NOT NULL CHECK (fixmedins_type IN ('pharmacy', 'hospital')),
    admdvs TEXT NOT NULL
  );

  CREATE TABLE patients (
    psn_no TEXT PRIMARY KEY,
    psn_name TEXT NOT NULL,
    psn_cert_type TEXT NOT NULL DEFAULT '01',
    certno TEXT NOT NULL UNIQUE,
    gend TEXT NOT NULL,
    naty TEXT NOT NULL,
    brdy TEXT NOT NULL,
    ec_token TEXT UNIQUE,
    card_no TEXT UNIQUE,
    card_sn TEXT,
    insuplc_admdvs TEXT NOT NULL
  );

  CREATE TABLE patient_insurances (
    psn_no TEXT NOT NULL REFERENCES patients(psn_no),
    insutype TEXT NOT NULL,
    psn_type TEXT NOT NULL,
    psn_insu_stas TEXT NOT NULL,
    psn_insu_date TEXT NOT NULL,
    paus_insu_date TEXT,
    cvlserv_flag TEXT NOT NULL DEFAULT '0',
    balc_fen INTEGER NOT NULL DEFAULT 0,
    emp_name TEXT NOT NULL DEFAULT '',
    insuplc_admdvs TEXT NOT NULL,
    PRIMARY KEY (psn_no, insutype)
  );

  CREATE TABLE patient_identities (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    psn_no TEXT NOT NULL REFERENCES patients(psn_no),
    psn_idet_type TEXT NOT NULL,
    psn_type_lv TEXT NOT NULL DEFAULT '',
    memo TEXT NOT NULL DEFAULT '',
    begntime TEXT NOT NULL,
    endtime TEXT NOT NULL
  );

  CREATE TABLE sign_ins (
    sign_no TEXT PRIMARY KEY,
    fixmedins_code TEXT NOT NULL,
    opter_no TEXT NOT NULL,
    mac TEXT NOT NULL DEFAULT '',
    ip TEXT NOT NULL DEFAULT '',
    sign_time TEXT NOT NULL,
    signed_in_at INTEGER NOT NULL,
    signed_out INTEGER NOT NULL DEFAULT 0,
    signed_out_at INTEGER
  );
  CREATE INDEX sign_ins_by_institution ON sign_ins (fixmedins_code, signed_out);

  -- Every FSI answer given for a msgid (except system errors, which leave no trace): replaying
  -- the msgid returns response byte for byte.
  CREATE TABLE processed_messages (
    msgid TEXT PRIMARY KEY,
    infno TEXT NOT NULL,
    fixmedins_code TEXT NOT NULL,
    infcode INTEGER NOT NULL,
    request TEXT NOT NULL,
    response TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );

  CREATE TABLE tif_nonces (
    paasid TEXT NOT NULL,
    nonce TEXT NOT NULL,
    seen_at INTEGER NOT NULL,
    PRIMARY KEY (paasid, nonce)
  );

  -- Prescriptions created through the e-prescription center (uploadChk and later steps).
  CREATE TABLE epc_prescriptions (
    hi_rxno TEXT PRIMARY KEY,
    rx_trace_code TEXT NOT NULL UNIQUE,
    fixmedins_code TEXT NOT NULL,
    hosp_rxno TEXT NOT NULL,
    psn_no TEXT,
    patn_name TEXT NOT NULL,
    psn_cert_type TEXT NOT NULL,
    certno TEXT NOT NULL,
    mdtrt_id TEXT NOT NULL DEFAULT '',
    rx_stas_codg TEXT NOT NULL,
    upload_chk TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (fixmedins_code, hosp_rxno)
  );

  CREATE TABLE fault_rules (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    target TEXT NOT NULL,
    kind TEXT NOT NULL,
    phase TEXT NOT NULL,
    delay_ms INTEGER NOT NULL DEFAULT 0,
    remaining INTEGER,
    created_at INTEGER NOT NULL
  );
  `,
  `
  -- Institution signing certificates issued by the sandbox CA; the center holds the keys
  -- (rxFixmedinsSign signs on the institution's behalf). The newest unrevoked one is current.
  CREATE TABLE institution_certs (
    serial_hex TEXT PRIMARY KEY,
    fixmedins_code TEXT NOT NULL REFERENCES institutions(fixmedins_code),
    cert_der BLOB NOT NULL,
    private_key TEXT NOT NULL,
    subject_dn TEXT NOT NULL,
    not_before INTEGER NOT NULL,
    not_after INTEGER NOT NULL,
    issued_at INTEGER NOT NULL,
    revoked_at INTEGER,
    revoke_reason TEXT
  );
  CREATE INDEX institution_certs_by_code ON institution_certs (fixmedins_code, revoked_at);

  -- The signature made by rxFixmedinsSign and, after rxFileUpld, the stored file.
  ALTER TABLE epc_prescriptions ADD COLUMN original_value TEXT;
  ALTER TABLE epc_prescriptions ADD COLUMN rx_file BLOB;
  ALTER TABLE epc_prescriptions ADD COLUMN sign_digest TEXT;
  ALTER TABLE epc_prescriptions ADD COLUMN sign_cert_sn TEXT;
  ALTER TABLE epc_prescriptions ADD COLUMN signed_at INTEGER;
  ALTER TABLE epc_prescriptions ADD COLUMN upld_time INTEGER;
  ALTER TABLE epc_prescriptions ADD COLUMN undo_info TEXT;
  ALTER TABLE epc_prescriptions ADD COLUMN undo_time INTEGER;

  -- epc_token (7201, or 7203/7204 by auth_rxno) and single-use auth_rxno (7202), per pharmacy.
  CREATE TABLE epc_tokens (
    epc_token TEXT PRIMARY KEY,
    hi_rxno TEXT NOT NULL REFERENCES epc_prescriptions(hi_rxno),
    fixmedins_code TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE auth_rxnos (
    auth_rxno TEXT PRIMARY KEY,
    hi_rxno TEXT NOT NULL REFERENCES epc_prescriptions(hi_rxno),
    fixmedins_code TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    used_at INTEGER
  );
  CREATE TABLE rx_sign_verifications (
    rx_sign_verify_sn TEXT PRIMARY KEY,
    hi_rxno TEXT NOT NULL,
    fixmedins_code TEXT NOT NULL,
    vrf_rslt TEXT NOT NULL,
    cert_stas TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  `,
  `
  -- Registered insurance pharmacists (医保药师); prac_status 1 = 在职执业.
  CREATE TABLE pharmacists (
    phar_code TEXT PRIMARY KEY,
    phar_name TEXT NOT NULL,
    phar_cert_type TEXT NOT NULL,
    phar_certno TEXT NOT NULL,
    prac_status TEXT NOT NULL DEFAULT '1'
  );
  ${demoPharmacistsSql()}

  -- 7206 review results as received (rx_chk_biz_sn answered to the pharmacy).
  CREATE TABLE rx_reviews (
    rx_chk_biz_sn TEXT PRIMARY KEY,
    hi_rxno TEXT NOT NULL REFERENCES epc_prescriptions(hi_rxno),
    fixmedins_code TEXT NOT NULL,
    phar_code TEXT NOT NULL,
    phar_name TEXT NOT NULL,
    rx_chk_stas_codg TEXT NOT NULL,
    rx_chk_opnn TEXT NOT NULL,
    rx_chk_time TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX rx_reviews_by_rx ON rx_reviews (hi_rxno, created_at);
  `,
  SETTLEMENT_SCHEMA_SQL,
  // Paper outside prescriptions (x_rx_form 'paper') settle without an e-prescription.
  `ALTER TABLE settlements ADD COLUMN rx_form TEXT NOT NULL DEFAULT 'electronic'
     CHECK (rx_form IN ('electronic', 'paper'));`,
  // Payment standards announced after the policy file (src/sandbox/settlement/pay-standards.ts).
  `CREATE TABLE pay_standards (
     poolarea TEXT NOT NULL,
     med_list_codg TEXT NOT NULL,
     std_fen INTEGER NOT NULL CHECK (std_fen >= 0),
     set_at INTEGER NOT NULL,
     PRIMARY KEY (poolarea, med_list_codg)
   );`,
  // What the agency knows of a hospital for dual-channel drugs (R-DUAL-FIX, 003 §一(二)1、2):
  // its level (1/2/3 级), its specialty ('' = general hospital), and the responsible physicians
  // (责任医师) it registered.
  `ALTER TABLE institutions ADD COLUMN hosp_lv TEXT NOT NULL DEFAULT '3'
     CHECK (hosp_lv IN ('1', '2', '3'));
   ALTER TABLE institutions ADD COLUMN spec_name TEXT NOT NULL DEFAULT '';
   CREATE TABLE dual_resp_doctors (
     fixmedins_code TEXT NOT NULL REFERENCES institutions (fixmedins_code),
     dr_code TEXT NOT NULL,
     PRIMARY KEY (fixmedins_code, dr_code)
   );`,
  // The e-voucher password that confirms a card or ID-number authorisation (R-AUTH,
  // ST-EPC-02-005): its SM3 (null = voucher not activated), wrong tries and the lockout.
  `CREATE TABLE ec_voucher_passwords (
     psn_no TEXT PRIMARY KEY REFERENCES patients(psn_no),
     pwd_sm3 TEXT CHECK (pwd_sm3 IS NULL OR length(pwd_sm3) = 64),
     failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
     locked_at INTEGER,
     updated_at INTEGER NOT NULL
   );`,
  // What the supervision subsystem found (3101/3102) and the pharmacy's feedback (3103).
  SUPERVISION_SCHEMA_SQL,
];

export function openSandboxDb(file: string, nativeBinding?: string): SandboxDb {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, nativeBinding ? { nativeBinding } : {});
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return withStatementCache(db);
}

/**
 * Compiling a statement costs more than running most of the center's: every request prepares
 * several (replay lookup, sign-in, institution, its own records), so a statement is compiled
 * once per SQL text and reused. A reused statement is handed out in its default modes, as a
 * fresh one would be (a caller may have set pluck on it).
 */
const MAX_CACHED_STATEMENTS = 500;

function withStatementCache(db: SandboxDb): SandboxDb {
  const prepare = db.prepare.bind(db);
  const statements = new Map<string, Database.Statement>();
  db.prepare = ((source: string) => {
    let statement = statements.get(source);
    if (!statement) {
      statement = prepare(source);
      if (statements.size >= MAX_CACHED_STATEMENTS) statements.clear();
      statements.set(source, statement);
    } else if (statement.reader) {
      statement.pluck(false).expand(false).raw(false);
    }
    return statement;
  }) as SandboxDb['prepare'];
  return db;
}

function migrate(db: SandboxDb): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] ?? '');
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

/** The next value of a named counter (serial numbers that must never repeat). */
export function nextCounter(db: SandboxDb, name: string): number {
  const row = db
    .prepare(
      'INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value',
    )
    .get(name) as { value: number };
  return row.value;
}
