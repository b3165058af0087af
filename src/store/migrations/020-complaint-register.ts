/**
 * Migration 20 (issue 18): the complaint and report register (R-COMPLAINT, 渝医保办〔2023〕70号
 * §三(一): "药店应建立投诉举报受理制度，接到投诉举报时要及时进行核查纠正，对不属于自身业务范围的
 * 投诉举报信息要及时向当地医保经办机构反馈"), and no index that groups prescriptions per doctor
 * (R-NO-STATS, §三(二)1: 违规统方).
 *
 * - complaints: received when, by whom, from whom (optional: reports may be anonymous), over which
 *   channel, about what, optionally linked to a prescription or a dispensing; its state moves only
 *   along the lifecycle table (received → checking → corrected | referred → closed, or received →
 *   referred), and each state carries what it needs: the check result with the correction or the
 *   agency, the closer with the time. What was received is never rewritten; nothing is deleted.
 * - complaint_events: every step (who, when, from → to, what was written), append-only.
 */
export const COMPLAINT_REGISTER_MIGRATION = `
  CREATE TABLE complaints (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    received_at INTEGER NOT NULL,
    received_by INTEGER NOT NULL REFERENCES staff (id),
    channel TEXT NOT NULL CHECK (channel IN ('counter', 'phone', 'letter', 'online', 'agency')),
    complainant_name TEXT CHECK (complainant_name IS NULL OR length(trim(complainant_name)) > 0),
    complainant_phone TEXT CHECK (complainant_phone IS NULL OR length(trim(complainant_phone)) > 0),
    subject TEXT NOT NULL CHECK (length(trim(subject)) >= 4),
    hi_rxno TEXT REFERENCES prescriptions (hi_rxno),
    dispensing_id INTEGER REFERENCES dispensings (id),
    state TEXT NOT NULL DEFAULT 'received'
      CHECK (state IN ('received', 'checking', 'corrected', 'referred', 'closed')),
    check_result TEXT CHECK (check_result IS NULL OR length(trim(check_result)) >= 4),
    correction TEXT CHECK (correction IS NULL OR length(trim(correction)) >= 2),
    agency TEXT CHECK (agency IS NULL OR length(trim(agency)) >= 2),
    referred_at INTEGER,
    closed_by INTEGER REFERENCES staff (id),
    closed_at INTEGER,
    CHECK (state <> 'corrected' OR (check_result IS NOT NULL AND correction IS NOT NULL)),
    CHECK (state <> 'referred' OR (check_result IS NOT NULL AND agency IS NOT NULL
                                   AND referred_at IS NOT NULL)),
    CHECK (state <> 'closed' OR (closed_by IS NOT NULL AND closed_at IS NOT NULL
                                 AND check_result IS NOT NULL
                                 AND (correction IS NOT NULL OR agency IS NOT NULL)))
  ) STRICT;
  CREATE INDEX complaints_by_state ON complaints (state, received_at);

  CREATE TABLE complaint_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    at INTEGER NOT NULL,
    staff_id INTEGER NOT NULL REFERENCES staff (id),
    from_state TEXT,
    to_state TEXT NOT NULL,
    note TEXT
  ) STRICT;
  CREATE INDEX complaint_events_by_complaint ON complaint_events (complaint_id, id);

  CREATE TRIGGER complaints_received_frozen
  BEFORE UPDATE OF received_at, received_by, channel, complainant_name, complainant_phone, subject,
    hi_rxno, dispensing_id ON complaints
  BEGIN
    SELECT RAISE(ABORT, '已登记的投诉举报内容不可修改，请在跟进中补充说明');
  END;
  CREATE TRIGGER complaints_state_moves
  BEFORE UPDATE OF state ON complaints
  WHEN NOT ((OLD.state = 'received' AND NEW.state IN ('checking', 'referred'))
         OR (OLD.state = 'checking' AND NEW.state IN ('corrected', 'referred'))
         OR (OLD.state IN ('corrected', 'referred') AND NEW.state = 'closed'))
  BEGIN
    SELECT RAISE(ABORT, '投诉举报的处理状态不能这样变化');
  END;
  CREATE TRIGGER complaints_findings_kept
  BEFORE UPDATE OF check_result, correction, agency, referred_at, closed_by, closed_at ON complaints
  WHEN (OLD.check_result IS NOT NULL AND NEW.check_result IS NOT OLD.check_result)
    OR (OLD.correction IS NOT NULL AND NEW.correction IS NOT OLD.correction)
    OR (OLD.agency IS NOT NULL AND NEW.agency IS NOT OLD.agency)
    OR (OLD.referred_at IS NOT NULL AND NEW.referred_at IS NOT OLD.referred_at)
    OR (OLD.closed_at IS NOT NULL AND NEW.closed_at IS NOT OLD.closed_at)
    OR (OLD.closed_by IS NOT NULL AND NEW.closed_by IS NOT OLD.closed_by)
  BEGIN
    SELECT RAISE(ABORT, '投诉举报的核查、纠正与办结记录只能追加，不能改写');
  END;
  CREATE TRIGGER complaints_no_delete BEFORE DELETE ON complaints
  BEGIN
    SELECT RAISE(ABORT, '投诉举报登记不可删除');
  END;
  CREATE TRIGGER complaint_events_no_update BEFORE UPDATE ON complaint_events
  BEGIN
    SELECT RAISE(ABORT, '投诉举报跟进记录只能追加，不能修改');
  END;
  CREATE TRIGGER complaint_events_no_delete BEFORE DELETE ON complaint_events
  BEGIN
    SELECT RAISE(ABORT, '投诉举报跟进记录只能追加，不能删除');
  END;

  DROP INDEX rx_risk_facts_by_prescriber;
`;
