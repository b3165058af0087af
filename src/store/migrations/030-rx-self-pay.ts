/**
 * Migration 30: 自费结算 of an e-prescription with the patient's recorded consent (issue 19
 * item 8, D45).
 *
 * A person whose basic insurance is not in force (1101: 暂停/终止参保) cannot be dispensed on
 * insurance (migration 27). With the patient's consent the prescription is sold as a self-pay
 * sale (self_pay_sales) and never settled with the fund. The consent is evidence: who gave it,
 * the words shown to them, which staff recorded it and when; it is only ever added. The
 * database refuses a consent for a person it knows to be insured in force, and a self-pay sale
 * of an e-prescription without an unused consent for that same prescription (R-SETTLE).
 */
export const RX_SELF_PAY_MIGRATION = `
  CREATE TABLE rx_self_pay_consents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    hi_rxno TEXT NOT NULL REFERENCES prescriptions (hi_rxno),
    certno TEXT NOT NULL,
    confirmed_by TEXT NOT NULL CHECK (length(trim(confirmed_by)) >= 2),
    confirmer_relation TEXT NOT NULL CHECK (confirmer_relation IN ('self', 'guardian', 'agent')),
    words TEXT NOT NULL CHECK (length(words) >= 20),
    recorded_by INTEGER NOT NULL REFERENCES staff (id),
    recorded_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX rx_self_pay_consents_by_rx ON rx_self_pay_consents (hi_rxno, id);

  CREATE TRIGGER rx_self_pay_consent_needs_insurance_not_in_force
  BEFORE INSERT ON rx_self_pay_consents
  WHEN NOT EXISTS (SELECT 1 FROM insurance_standings s
                    WHERE s.certno = upper(NEW.certno) AND s.settleable = 0)
  BEGIN
    SELECT RAISE(ABORT, '参保人不是已知的暂停或终止参保状态，不能登记电子处方自费结算同意（R-SETTLE）');
  END;
  CREATE TRIGGER rx_self_pay_consents_no_update BEFORE UPDATE ON rx_self_pay_consents
  BEGIN
    SELECT RAISE(ABORT, '自费结算同意记录只能追加，不能修改（R-SETTLE）');
  END;
  CREATE TRIGGER rx_self_pay_consents_no_delete BEFORE DELETE ON rx_self_pay_consents
  BEGIN
    SELECT RAISE(ABORT, '自费结算同意记录只能追加，不能删除（R-SETTLE）');
  END;

  -- The self-pay sale of an e-prescription: one consent for one sale; one standing sale per
  -- prescription; a refund puts the prescription back (refunded_at, by whom, why).
  CREATE TABLE rx_self_pay_sales (
    sale_id INTEGER PRIMARY KEY REFERENCES self_pay_sales (id),
    hi_rxno TEXT NOT NULL REFERENCES prescriptions (hi_rxno),
    consent_id INTEGER NOT NULL UNIQUE REFERENCES rx_self_pay_consents (id),
    refunded_at INTEGER,
    refunded_by INTEGER REFERENCES staff (id),
    refund_reason TEXT,
    CHECK ((refunded_at IS NULL) = (refunded_by IS NULL) AND (refunded_at IS NULL) = (refund_reason IS NULL))
  ) STRICT;
  CREATE UNIQUE INDEX rx_self_pay_sales_one_standing ON rx_self_pay_sales (hi_rxno)
    WHERE refunded_at IS NULL;

  CREATE INDEX rx_self_pay_sales_by_refund ON rx_self_pay_sales (refunded_at)
    WHERE refunded_at IS NOT NULL;

  CREATE TRIGGER rx_self_pay_sale_needs_its_consent
  BEFORE INSERT ON rx_self_pay_sales
  WHEN NOT EXISTS (SELECT 1 FROM rx_self_pay_consents c
                    WHERE c.id = NEW.consent_id AND c.hi_rxno = NEW.hi_rxno)
  BEGIN
    SELECT RAISE(ABORT, '没有患者对该电子处方自费结算的同意记录，不能自费结算（R-SETTLE）');
  END;
  CREATE TRIGGER rx_self_pay_sales_refund_once
  BEFORE UPDATE ON rx_self_pay_sales
  WHEN OLD.refunded_at IS NOT NULL OR NEW.sale_id <> OLD.sale_id OR NEW.hi_rxno <> OLD.hi_rxno
    OR NEW.consent_id <> OLD.consent_id
  BEGIN
    SELECT RAISE(ABORT, '电子处方自费结算记录只能退费一次，不能修改（R-REVERSE）');
  END;
  CREATE TRIGGER rx_self_pay_sales_kept BEFORE DELETE ON rx_self_pay_sales
  BEGIN
    SELECT RAISE(ABORT, '销售记录须保存，不可删除');
  END;

  -- A pack returned from a self-pay sale may be sold again; R-TRACE-ONCE across every sale path
  -- is sold_codes' (migration 13), so the per-table uniqueness of migration 5 would refuse it.
  DROP INDEX self_pay_codes_once;
`;
