-- A claim settled by a sale (自费结算 of an e-prescription, 门特 claim; D57) names the sale's
-- reference in settlement_id; every return of packs looks its sale up here to release that claim.
CREATE INDEX rx_claims_settlement ON rx_claims (counter_id, settlement_id)
  WHERE settlement_id IS NOT NULL;
