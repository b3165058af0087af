import type { Database } from 'better-sqlite3';
import { REVIEW_MIGRATION } from './migrations/003-review-shifts';
import { DISPENSE_MIGRATION } from './migrations/004-stock-dispensing';
import { SETTLEMENT_MIGRATION } from './migrations/005-settlements';
import { PAPER_MIGRATION } from './migrations/006-paper';
import { PAPER_DISPENSING_MIGRATION } from './migrations/007-paper-dispensing';
import { AUDIT_MIGRATION } from './migrations/008-audit';
import { RISK_MIGRATION } from './migrations/009-risk';
import { REPORT_MIGRATION } from './migrations/010-report-indexes';
import { AUDIT_INTERRUPTED_MIGRATION } from './migrations/011-audit-interrupted';
import { SETTLEMENT_IDS_MIGRATION } from './migrations/012-settlement-ids';
import { SOLD_CODE_REGISTRY_MIGRATION } from './migrations/013-sold-code-registry';
import { SUSPECT_LEADS_MIGRATION } from './migrations/014-suspect-leads';
import { LAYOUT_CONFIRMATION_MIGRATION } from './migrations/015-layout-confirmation';
import { HELD_DISPENSINGS_MIGRATION } from './migrations/016-held-dispensings';
import { SCOPE_CONSENTS_MIGRATION } from './migrations/017-scope-consents';
import { OUTBOX_CREDENTIAL_REDACTION_MIGRATION } from './migrations/018-outbox-credential-redaction';
import { LOGIN_FAILURES_MIGRATION } from './migrations/019-login-failures';
import { COMPLAINT_REGISTER_MIGRATION } from './migrations/020-complaint-register';
import { KEEP_RECORDS_MIGRATION } from './migrations/021-keep-records';
import { STOCK_SUPPLY_MIGRATION } from './migrations/022-stock-supply';
import { RECEIPTS_DELIVERIES_MIGRATION } from './migrations/023-receipts-deliveries';
import { SUPERVISION_MIGRATION } from './migrations/024-supervision';
import { STAFF_ACCOUNTS_MIGRATION } from './migrations/025-staff-accounts';
import { RULE_GAPS_MIGRATION } from './migrations/026-rule-gaps';
import { INSURANCE_STANDINGS_MIGRATION } from './migrations/027-insurance-standings';
import { PAPER_CONFIRMATION_MIGRATION } from './migrations/028-paper-confirmation';
import { STORE_QUEUE_MIGRATION } from './migrations/029-store-queue';
import { RX_SELF_PAY_MIGRATION } from './migrations/030-rx-self-pay';
import { STAY_HANDOVERS_MIGRATION } from './migrations/031-stay-handovers';
import { HELD_CARRYOVERS_MIGRATION } from './migrations/032-held-carryovers';
import { STORE_RECEIPT_KEYS_MIGRATION } from './migrations/033-store-receipt-keys';
import { STORE_STOCK_COPIES_MIGRATION } from './migrations/034-store-stock-copies';

/** One schema step. `up` runs once, inside its own transaction, and is never edited after release. */
export interface Migration {
  version: number;
  name: string;
  up: string;
  /**
   * The step rebuilds tables (create new, copy, drop old, rename) that other tables reference.
   * The runner then follows SQLite's 12-step procedure: foreign keys off before the transaction
   * (the pragma is a no-op inside one), `PRAGMA foreign_key_check` before commit, on again after.
   */
  rebuildsTables?: boolean;
}

/** Refusal to open a database written by a newer (or a diverging) build of the program. */
export class DatabaseVersionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseVersionError';
  }
}

/**
 * The schema, in order. Append new steps; never change or renumber a released one.
 * Times are integer milliseconds since the epoch. Tables are STRICT so a wrong type is an
 * error rather than a silently stored string.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'staff_sessions_settings_outbox',
    up: `
      CREATE TABLE staff (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(username)) > 0),
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('pharmacist', 'cashier', 'admin')),
        -- 国家药师编码: a pharmacist cannot review without one (R-PHARMACIST)
        pharmacist_code TEXT
          CHECK (role <> 'pharmacist' OR (pharmacist_code IS NOT NULL AND length(trim(pharmacist_code)) > 0)),
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        staff_id INTEGER NOT NULL REFERENCES staff (id),
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        sign_no TEXT,
        sign_time TEXT
      ) STRICT;
      CREATE INDEX sessions_by_expiry ON sessions (expires_at);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value)),
        updated_at INTEGER NOT NULL
      ) STRICT;

      -- AUTOINCREMENT: ids are never reused, so id order is enqueue order for the life of the file.
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        msgid TEXT NOT NULL UNIQUE CHECK (length(msgid) > 0),
        channel TEXT NOT NULL CHECK (channel IN ('fsi', 'epc')),
        infno TEXT NOT NULL,
        body TEXT NOT NULL CHECK (json_valid(body)),
        ordering_key TEXT,
        status TEXT NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'in_flight', 'delivered', 'parked')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        last_error TEXT,
        response TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        delivered_at INTEGER
      ) STRICT;
      -- claimDue walks pending items in id order and stops at its limit
      CREATE INDEX outbox_pending_by_id ON outbox (id) WHERE status = 'pending';
      -- "is an older item of this key still undelivered?"
      CREATE INDEX outbox_undelivered_by_key ON outbox (ordering_key, id)
        WHERE status <> 'delivered' AND ordering_key IS NOT NULL;
      -- status(): counts and oldest age per status without reading the rows
      CREATE INDEX outbox_by_status ON outbox (status, created_at);

      -- A queued request is frozen: the msgid is the center's idempotency key, so a resend must
      -- carry exactly the bytes of the first send.
      CREATE TRIGGER outbox_request_frozen
      BEFORE UPDATE OF msgid, channel, infno, body, ordering_key, created_at ON outbox
      WHEN NEW.msgid IS NOT OLD.msgid OR NEW.channel IS NOT OLD.channel OR NEW.infno IS NOT OLD.infno
        OR NEW.body IS NOT OLD.body OR NEW.ordering_key IS NOT OLD.ordering_key
        OR NEW.created_at IS NOT OLD.created_at
      BEGIN
        SELECT RAISE(ABORT, '外发队列中的请求已冻结，不可修改');
      END;

      -- Nothing the center has not confirmed may disappear.
      CREATE TRIGGER outbox_undelivered_kept
      BEFORE DELETE ON outbox
      WHEN OLD.status <> 'delivered'
      BEGIN
        SELECT RAISE(ABORT, '外发队列中尚未送达的请求不可删除');
      END;
    `,
  },
  {
    version: 2,
    name: 'prescriptions',
    up: `
      -- A downloaded e-prescription (7204) and what this counter found when checking it.
      CREATE TABLE prescriptions (
        hi_rxno TEXT PRIMARY KEY CHECK (length(hi_rxno) > 0),
        rx_trace_code TEXT NOT NULL,
        fixmedins_code TEXT NOT NULL,
        fixmedins_name TEXT NOT NULL,
        patient_name TEXT NOT NULL,
        certno TEXT NOT NULL,
        prsc_time TEXT NOT NULL,
        status_codg TEXT NOT NULL,
        status_name TEXT NOT NULL,
        epc_token TEXT NOT NULL,
        -- the 7204 reply as received, without rx_file (kept as bytes below)
        reply TEXT NOT NULL CHECK (json_valid(reply)),
        rx_file BLOB NOT NULL,
        local_valid INTEGER NOT NULL CHECK (local_valid IN (0, 1)),
        local_code TEXT NOT NULL,
        local_reason TEXT NOT NULL,
        cert_info TEXT CHECK (cert_info IS NULL OR json_valid(cert_info)),
        altered_fields TEXT NOT NULL CHECK (json_valid(altered_fields)),
        center_state TEXT NOT NULL CHECK (center_state IN ('passed', 'failed', 'unreachable')),
        center_message TEXT NOT NULL,
        rx_sign_verify_sn TEXT,
        -- R-SIGN: "verified" is only ever stored for a prescription whose checks all passed.
        verification TEXT NOT NULL CHECK (
          verification = 'failed' OR (
            verification = 'verified' AND local_valid = 1 AND center_state <> 'failed'
            AND altered_fields = '[]'
          )
        ),
        downloaded_by INTEGER NOT NULL REFERENCES staff (id),
        downloaded_at INTEGER NOT NULL,
        checked_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX prescriptions_by_download ON prescriptions (downloaded_at);
      CREATE INDEX prescriptions_by_certno ON prescriptions (certno);
    `,
  },
  { version: 3, name: 'review_shifts', up: REVIEW_MIGRATION },
  { version: 4, name: 'stock_dispensing_trace_codes', up: DISPENSE_MIGRATION },
  { version: 5, name: 'settlements_sales', up: SETTLEMENT_MIGRATION },
  { version: 6, name: 'paper_prescriptions', up: PAPER_MIGRATION },
  { version: 7, name: 'paper_dispensing', up: PAPER_DISPENSING_MIGRATION, rebuildsTables: true },
  { version: 8, name: 'audit_trail', up: AUDIT_MIGRATION },
  { version: 9, name: 'risk_signals', up: RISK_MIGRATION },
  { version: 10, name: 'report_indexes', up: REPORT_MIGRATION },
  { version: 11, name: 'audit_interrupted', up: AUDIT_INTERRUPTED_MIGRATION },
  { version: 12, name: 'settlement_ids', up: SETTLEMENT_IDS_MIGRATION },
  { version: 13, name: 'sold_code_registry', up: SOLD_CODE_REGISTRY_MIGRATION },
  { version: 14, name: 'suspect_rx_leads', up: SUSPECT_LEADS_MIGRATION },
  { version: 15, name: 'layout_confirmation', up: LAYOUT_CONFIRMATION_MIGRATION },
  { version: 16, name: 'held_dispensings', up: HELD_DISPENSINGS_MIGRATION },
  { version: 17, name: 'scope_consents', up: SCOPE_CONSENTS_MIGRATION },
  { version: 18, name: 'outbox_credential_redaction', up: OUTBOX_CREDENTIAL_REDACTION_MIGRATION },
  { version: 19, name: 'login_failures', up: LOGIN_FAILURES_MIGRATION },
  { version: 20, name: 'complaint_register', up: COMPLAINT_REGISTER_MIGRATION },
  { version: 21, name: 'keep_records', up: KEEP_RECORDS_MIGRATION },
  { version: 22, name: 'stock_supply', up: STOCK_SUPPLY_MIGRATION },
  { version: 23, name: 'receipts_deliveries', up: RECEIPTS_DELIVERIES_MIGRATION },
  { version: 24, name: 'supervision', up: SUPERVISION_MIGRATION },
  { version: 25, name: 'staff_accounts', up: STAFF_ACCOUNTS_MIGRATION },
  { version: 26, name: 'rule_gaps_issue18', up: RULE_GAPS_MIGRATION },
  { version: 27, name: 'insurance_standings', up: INSURANCE_STANDINGS_MIGRATION },
  { version: 28, name: 'paper_confirmation', up: PAPER_CONFIRMATION_MIGRATION },
  { version: 29, name: 'store_queue', up: STORE_QUEUE_MIGRATION },
  { version: 30, name: 'rx_self_pay', up: RX_SELF_PAY_MIGRATION },
  { version: 31, name: 'stay_handovers', up: STAY_HANDOVERS_MIGRATION },
  { version: 32, name: 'held_carryovers', up: HELD_CARRYOVERS_MIGRATION },
  { version: 33, name: 'store_receipt_keys', up: STORE_RECEIPT_KEYS_MIGRATION },
  { version: 34, name: 'store_stock_copies', up: STORE_STOCK_COPIES_MIGRATION },
];

export function latestVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.at(-1)?.version ?? 0;
}

/** The highest applied version, 0 for a new database. */
export function currentVersion(db: Database): number {
  const ledger = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (!ledger) return 0;
  const row = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as {
    v: number | null;
  };
  return row.v ?? 0;
}

/**
 * Brings the schema up to date. Each step runs in its own IMMEDIATE transaction that re-reads
 * the ledger first, so two processes opening the same file cannot apply a step twice.
 * Returns the versions applied now (empty when the schema was already current).
 */
export function migrate(
  db: Database,
  migrations: readonly Migration[] = MIGRATIONS,
  now: () => number = Date.now,
): number[] {
  checkSequence(migrations);
  ensureLedger(db);
  refuseUnknownHistory(db, migrations);

  const applied: number[] = [];
  for (const m of migrations) {
    const step = db.transaction(() => {
      const done = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(m.version);
      if (done) return false;
      db.exec(m.up);
      if (m.rebuildsTables) refuseForeignKeyViolations(db, m);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        now(),
      );
      return true;
    });
    const ran = m.rebuildsTables
      ? withoutForeignKeys(db, () => step.immediate())
      : step.immediate();
    if (ran) applied.push(m.version);
  }
  return applied;
}

/** Steps 1 and 12 of SQLite's table-rebuild procedure: foreign keys off, then as they were. */
function withoutForeignKeys<T>(db: Database, run: () => T): T {
  const was = db.pragma('foreign_keys', { simple: true }) === 1;
  if (was) db.pragma('foreign_keys = OFF');
  try {
    return run();
  } finally {
    if (was) db.pragma('foreign_keys = ON');
  }
}

/** Step 10: a rebuild that left a dangling reference is rolled back, never committed. */
function refuseForeignKeyViolations(db: Database, m: Migration): void {
  const violations = db.pragma('foreign_key_check') as Array<{ table: string; rowid: number }>;
  if (violations.length === 0) return;
  const where = violations
    .slice(0, 5)
    .map((v) => `${v.table}#${v.rowid}`)
    .join('、');
  throw new Error(
    `第 ${m.version} 步结构升级（${m.name}）后外键检查发现 ${violations.length} 处引用失效（${where}），已回滚，数据库保持原状`,
  );
}

function ensureLedger(db: Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  ) STRICT`);
}

function checkSequence(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`迁移版本须从 1 起连续编号：第 ${i + 1} 项为版本 ${m.version}（${m.name}）`);
    }
  });
}

/** A newer or different build wrote this file: opening it here could corrupt it. */
function refuseUnknownHistory(db: Database, migrations: readonly Migration[]): void {
  const latest = latestVersion(migrations);
  const rows = db
    .prepare('SELECT version, name FROM schema_migrations ORDER BY version')
    .all() as Array<{
    version: number;
    name: string;
  }>;
  const newest = rows.at(-1)?.version ?? 0;
  if (newest > latest) {
    throw new DatabaseVersionError(
      `数据库版本为 ${newest}，高于本程序支持的版本 ${latest}：该数据库已被更新版本的程序使用过。` +
        '请安装最新版本的程序后再打开；为保护数据，本程序不会读写此数据库。',
    );
  }
  for (const row of rows) {
    const known = migrations[row.version - 1];
    if (known && known.name !== row.name) {
      throw new DatabaseVersionError(
        `数据库的第 ${row.version} 步结构升级记录为“${row.name}”，与本程序的“${known.name}”不一致：` +
          '该数据库可能来自其他版本分支，为保护数据，本程序不会读写此数据库。',
      );
    }
  }
}
