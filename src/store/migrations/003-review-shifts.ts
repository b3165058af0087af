/**
 * Migration 3: pharmacist identity, shifts, prescription reviews and dual-channel registrations
 * (R-PHARMACIST, R-OPINION, R-HISTORY). Reviews and registrations are records (R-KEEP): never
 * deleted, and only their upload outcome or supersession may change later.
 */
export const REVIEW_MIGRATION = `
  -- The pharmacist's identity document, compared with the owner of the e-voucher scanned at
  -- review (1101) and sent as phar_cert_type / phar_certno with 7206.
  ALTER TABLE staff ADD COLUMN cert_type TEXT CHECK (cert_type IS NULL OR cert_type = '01');
  ALTER TABLE staff ADD COLUMN certno TEXT
    CHECK (certno IS NULL OR (length(certno) = 18 AND certno GLOB '[0-9]*'));

  CREATE TABLE pharmacist_shifts (
    id INTEGER PRIMARY KEY,
    staff_id INTEGER NOT NULL REFERENCES staff (id),
    opened_at INTEGER NOT NULL,
    closed_at INTEGER,
    CHECK (closed_at IS NULL OR closed_at >= opened_at)
  ) STRICT;
  CREATE UNIQUE INDEX pharmacist_shifts_one_open ON pharmacist_shifts (staff_id)
    WHERE closed_at IS NULL;
  CREATE INDEX pharmacist_shifts_open ON pharmacist_shifts (closed_at, opened_at);

  CREATE TABLE rx_reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    hi_rxno TEXT NOT NULL REFERENCES prescriptions (hi_rxno),
    result TEXT NOT NULL CHECK (result IN ('pass', 'reject')),
    -- rx_chk_stas_codg sent with 7206 (src/services/review/review-codes.ts)
    stas_codg TEXT NOT NULL,
    opinion TEXT NOT NULL CHECK (length(trim(opinion)) > 0),
    reviewer_id INTEGER NOT NULL REFERENCES staff (id),
    reviewer_name TEXT NOT NULL,
    pharmacist_code TEXT NOT NULL CHECK (length(trim(pharmacist_code)) > 0),
    shift_id INTEGER NOT NULL REFERENCES pharmacist_shifts (id),
    -- how the reviewer's own e-voucher was matched: 1101 at submit, or left to the center's 7206
    identity_check TEXT NOT NULL CHECK (identity_check IN ('center_1101', 'deferred_7206')),
    reviewed_at INTEGER NOT NULL,
    -- msgid of the queued 7206 (outbox), whose state is the upload state
    upload_msgid TEXT NOT NULL UNIQUE,
    rx_chk_biz_sn TEXT,
    uploaded_at INTEGER,
    -- set when a new review replaces a rejected one (the rejected one is kept)
    superseded_at INTEGER
  ) STRICT;
  -- One live review per prescription (re-review policy: src/services/review/review-rules.ts).
  CREATE UNIQUE INDEX rx_reviews_one_live ON rx_reviews (hi_rxno) WHERE superseded_at IS NULL;

  CREATE TRIGGER rx_reviews_frozen
  BEFORE UPDATE OF id, hi_rxno, result, stas_codg, opinion, reviewer_id, reviewer_name,
    pharmacist_code, shift_id, identity_check, reviewed_at, upload_msgid ON rx_reviews
  BEGIN
    SELECT RAISE(ABORT, '审方记录已保存，不可修改');
  END;
  CREATE TRIGGER rx_reviews_kept
  BEFORE DELETE ON rx_reviews
  BEGIN
    SELECT RAISE(ABORT, '审方记录须保存，不可删除');
  END;

  -- 双通道 registration (R-HISTORY): the three checks confirmed, with a note.
  CREATE TABLE dual_channel_registrations (
    review_id INTEGER PRIMARY KEY REFERENCES rx_reviews (id),
    identity_checked INTEGER NOT NULL CHECK (identity_checked IN (0, 1)),
    prescription_checked INTEGER NOT NULL CHECK (prescription_checked IN (0, 1)),
    medical_record_checked INTEGER NOT NULL CHECK (medical_record_checked IN (0, 1)),
    note TEXT NOT NULL,
    med_list_codgs TEXT NOT NULL CHECK (json_valid(med_list_codgs)),
    registered_at INTEGER NOT NULL
  ) STRICT;
  CREATE TRIGGER dual_channel_registrations_kept
  BEFORE DELETE ON dual_channel_registrations
  BEGIN
    SELECT RAISE(ABORT, '双通道登记记录须保存，不可删除');
  END;
`;
