/**
 * Migration 17: signed self-pay consents (自费用药知情同意书, R-SCOPE).
 *
 * A prescription line the hospital marked outside the drug's restricted payment scope
 * (hosp_appr_flag 2) is paid by the patient, who signs a consent after it is explained
 * (聊城“双通道”通知 §一(二)1; 渝医保办〔2023〕70号 §三(三)). One consent per dispensing line: who
 * signed it, the form's number, which staff recorded it and when. A consent is evidence: it can
 * be added, never changed or removed, and never after the dispensing has settled.
 */
export const SCOPE_CONSENTS_MIGRATION = `
  CREATE TABLE scope_consents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    dispensing_id INTEGER NOT NULL REFERENCES dispensings (id),
    line_no INTEGER NOT NULL CHECK (line_no > 0),
    med_list_codg TEXT NOT NULL CHECK (length(med_list_codg) > 0),
    signed_by TEXT NOT NULL CHECK (length(trim(signed_by)) >= 2),
    signer_relation TEXT NOT NULL CHECK (signer_relation IN ('self', 'guardian', 'agent')),
    form_no TEXT NOT NULL CHECK (length(trim(form_no)) >= 1),
    recorded_by INTEGER NOT NULL REFERENCES staff (id),
    recorded_at INTEGER NOT NULL,
    UNIQUE (dispensing_id, line_no),
    FOREIGN KEY (dispensing_id, line_no) REFERENCES dispensing_lines (dispensing_id, line_no)
  ) STRICT;

  CREATE TRIGGER scope_consents_before_settlement
  BEFORE INSERT ON scope_consents
  BEGIN
    SELECT RAISE(ABORT, '该调剂单已结算，不能再补记自费用药知情同意书（R-SCOPE）')
     WHERE EXISTS (SELECT 1 FROM settlements
                    WHERE dispensing_id = NEW.dispensing_id AND state NOT IN ('refused', 'voided', 'refunded'));
  END;

  CREATE TRIGGER scope_consents_no_update
  BEFORE UPDATE ON scope_consents
  BEGIN
    SELECT RAISE(ABORT, '自费用药知情同意书记录只能追加，不能修改（R-SCOPE）');
  END;

  CREATE TRIGGER scope_consents_no_delete
  BEFORE DELETE ON scope_consents
  BEGIN
    SELECT RAISE(ABORT, '自费用药知情同意书记录只能追加，不能删除（R-SCOPE）');
  END;
`;
