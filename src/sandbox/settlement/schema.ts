/**
 * The settlement engine's tables (one migration step in ../db.ts). Money in fen; settlement
 * amounts as sent are kept in the stored output JSON.
 */
export const SETTLEMENT_SCHEMA_SQL = `
  -- 2102 settlements; stas 1 正常, 2 已撤销 (2103), 3 已冲正 (2601).
  CREATE TABLE settlements (
    setl_id TEXT PRIMARY KEY,
    mdtrt_id TEXT NOT NULL UNIQUE,
    msgid TEXT NOT NULL UNIQUE,
    fixmedins_code TEXT NOT NULL,
    psn_no TEXT NOT NULL REFERENCES patients(psn_no),
    insutype TEXT NOT NULL,
    poolarea TEXT NOT NULL,
    setl_year TEXT NOT NULL,
    setl_date TEXT NOT NULL,
    setl_time TEXT NOT NULL,
    hi_rxno TEXT,
    medfee_fen INTEGER NOT NULL,
    fund_fen INTEGER NOT NULL,
    psn_part_fen INTEGER NOT NULL,
    acct_fen INTEGER NOT NULL,
    cash_fen INTEGER NOT NULL,
    dedc_fen INTEGER NOT NULL,
    hifp_fen INTEGER NOT NULL,
    output TEXT NOT NULL,
    stas TEXT NOT NULL,
    rvs_msgid TEXT,
    rvs_time TEXT,
    created_at INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX settlements_live_rx ON settlements (hi_rxno)
    WHERE stas = '1' AND hi_rxno IS NOT NULL;
  CREATE INDEX settlements_usage ON settlements (psn_no, insutype, setl_year, stas);
  CREATE INDEX settlements_by_date ON settlements (setl_date);

  -- 2601: one row per original msgid, whether it had been processed or never arrived.
  CREATE TABLE fsi_reversals (
    omsgid TEXT PRIMARY KEY,
    oinfno TEXT NOT NULL,
    fixmedins_code TEXT NOT NULL,
    msgid TEXT NOT NULL,
    rvs_rslt TEXT NOT NULL,
    setl_id TEXT,
    created_at INTEGER NOT NULL
  );

  -- 7207 sales outbound uploads; stas 1 有效, 2 已撤销 (7208).
  CREATE TABLE sales_outbound (
    sel_sn TEXT PRIMARY KEY,
    msgid TEXT NOT NULL,
    fixmedins_code TEXT NOT NULL,
    hi_rxno TEXT NOT NULL,
    rx_chk_biz_sn TEXT NOT NULL,
    setl_id TEXT NOT NULL DEFAULT '',
    pay_mode TEXT NOT NULL,
    request TEXT NOT NULL,
    stas TEXT NOT NULL,
    cancel_msgid TEXT,
    created_at INTEGER NOT NULL,
    cancelled_at INTEGER
  );
  CREATE UNIQUE INDEX sales_outbound_live_rx ON sales_outbound (hi_rxno) WHERE stas = '1';

  -- Traceability codes sold at the center (7207 and 3505), released by 7208/3506/3507.
  CREATE TABLE sold_codes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    drug_trac_codg TEXT NOT NULL,
    source TEXT NOT NULL,
    ref TEXT NOT NULL,
    fixmedins_code TEXT NOT NULL,
    med_list_codg TEXT NOT NULL,
    setl_id TEXT NOT NULL DEFAULT '',
    hi_rxno TEXT NOT NULL DEFAULT '',
    trdn_flag TEXT NOT NULL,
    sold_at INTEGER NOT NULL,
    released_at INTEGER
  );
  CREATE INDEX sold_codes_by_code ON sold_codes (drug_trac_codg, released_at);
  CREATE INDEX sold_codes_by_ref ON sold_codes (source, ref);

  -- 3501–3506 inventory uploads as received; 3507 marks them deleted.
  CREATE TABLE inventory_uploads (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    infno TEXT NOT NULL,
    msgid TEXT NOT NULL,
    fixmedins_code TEXT NOT NULL,
    med_list_codg TEXT NOT NULL,
    fixmedins_hilist_id TEXT NOT NULL,
    fixmedins_bchno TEXT NOT NULL,
    cnt REAL NOT NULL,
    setl_id TEXT NOT NULL DEFAULT '',
    record TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    deleted_at INTEGER,
    delete_msgid TEXT
  );
  CREATE INDEX inventory_uploads_by_bchno ON inventory_uploads (fixmedins_code, infno, fixmedins_bchno);
`;
