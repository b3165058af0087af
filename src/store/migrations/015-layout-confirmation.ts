/**
 * Migration 16: the pharmacist's confirmation of layout-file fields that could not be read
 * (R-LAYOUT, 004 §二(三)3). A review records which fields were unread when it was made and, for
 * a pass, when the reviewing pharmacist (reviewer_id) confirmed which groups against the file.
 * A pass with unread fields and no confirmation cannot be stored; like the rest of a review,
 * the record is frozen once saved.
 */
export const LAYOUT_CONFIRMATION_MIGRATION = `
  -- JSON array of the labels the reader could not find (null: every field was read)
  ALTER TABLE rx_reviews ADD COLUMN layout_unread TEXT
    CHECK (layout_unread IS NULL OR (json_valid(layout_unread) AND json_array_length(layout_unread) > 0));
  -- JSON array of the groups confirmed (处方信息, 患者信息 …) and when
  ALTER TABLE rx_reviews ADD COLUMN layout_confirmed_groups TEXT
    CHECK (layout_confirmed_groups IS NULL OR (json_valid(layout_confirmed_groups)
      AND json_array_length(layout_confirmed_groups) > 0));
  ALTER TABLE rx_reviews ADD COLUMN layout_confirmed_at INTEGER;

  CREATE TRIGGER rx_reviews_layout_confirmed
  BEFORE INSERT ON rx_reviews
  WHEN NEW.result = 'pass' AND NEW.layout_unread IS NOT NULL
    AND (NEW.layout_confirmed_groups IS NULL OR NEW.layout_confirmed_at IS NULL)
  BEGIN
    SELECT RAISE(ABORT, '版式文件有未能读出的内容，须药师逐组确认后才能审核通过（R-LAYOUT）');
  END;

  DROP TRIGGER rx_reviews_frozen;
  CREATE TRIGGER rx_reviews_frozen
  BEFORE UPDATE OF id, hi_rxno, result, stas_codg, opinion, reviewer_id, reviewer_name,
    pharmacist_code, shift_id, identity_check, reviewed_at, upload_msgid,
    layout_unread, layout_confirmed_groups, layout_confirmed_at ON rx_reviews
  BEGIN
    SELECT RAISE(ABORT, '审方记录已保存，不可修改');
  END;
`;
