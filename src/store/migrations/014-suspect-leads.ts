/**
 * Migration 14: suspicious-prescription leads (R-REPORT-SUSPECT, 国家医保局外配处方管理通知 §二:
 * "发现问题的可以拒绝调剂，并及时向当地医保部门反映存疑外配处方线索").
 *
 * A pharmacist who rejects a prescription as suspicious records why; the row is the lead the
 * inspector's risk signals list for the local insurance bureau. Append-only (R-KEEP): triggers
 * refuse UPDATE and DELETE, and a lead is only ever attached to a rejecting review of the same
 * prescription.
 */
export const SUSPECT_LEADS_MIGRATION = `
  CREATE TABLE suspect_rx_leads (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    review_id INTEGER NOT NULL UNIQUE REFERENCES rx_reviews (id),
    hi_rxno TEXT NOT NULL REFERENCES prescriptions (hi_rxno),
    reason TEXT NOT NULL CHECK (length(trim(reason)) >= 4),
    reported_by INTEGER NOT NULL REFERENCES staff (id),
    reported_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX suspect_rx_leads_by_time ON suspect_rx_leads (reported_at);

  CREATE TRIGGER suspect_rx_leads_only_on_reject BEFORE INSERT ON suspect_rx_leads
  WHEN NOT EXISTS (
    SELECT 1 FROM rx_reviews WHERE id = NEW.review_id AND result = 'reject' AND hi_rxno = NEW.hi_rxno
  )
  BEGIN
    SELECT RAISE(ABORT, '可疑处方线索只能记录在驳回该处方的审方上（R-REPORT-SUSPECT）');
  END;
  CREATE TRIGGER suspect_rx_leads_no_update BEFORE UPDATE ON suspect_rx_leads
  BEGIN
    SELECT RAISE(ABORT, '可疑处方线索只能追加，不能修改（R-REPORT-SUSPECT）');
  END;
  CREATE TRIGGER suspect_rx_leads_no_delete BEFORE DELETE ON suspect_rx_leads
  BEGIN
    SELECT RAISE(ABORT, '可疑处方线索只能追加，不能删除（R-REPORT-SUSPECT）');
  END;
`;
