import type { Client } from './database';

/**
 * Claims settled by a sale rather than by an insured settlement (D52, D57): the 自费结算 of an
 * e-prescription and the 门特 claim have no settlement record, so the store marks the claim
 * settled in the commit that sells their packs (`settlement_id` = the sale's reference), and the
 * return of the whole sale (its refund, or the undo of a sale the counter then refused) releases it.
 */
export async function settleClaimBySale(
  c: Client,
  me: string,
  hiRxno: string,
  saleRef: string,
): Promise<void> {
  // Another counter's claim is never taken over: the counter claimed it before selling.
  const kept = await c.query(
    `INSERT INTO rx_claims (hi_rxno, counter_id, settled_at, settlement_id)
     VALUES ($1, $2, now(), $3)
     ON CONFLICT (hi_rxno) DO UPDATE SET settled_at = excluded.settled_at,
       settlement_id = excluded.settlement_id
     WHERE rx_claims.counter_id = excluded.counter_id AND rx_claims.settled_at IS NULL`,
    [hiRxno, me, saleRef],
  );
  if (kept.rowCount === 1) {
    await c.query(
      `INSERT INTO rx_claim_events (hi_rxno, counter_id, event) VALUES ($1, $2, 'settled')`,
      [hiRxno, me],
    );
  }
}

/** After a return: once no pack of the sale is live any more, the claim it settled is released. */
export async function releaseClaimOfReturnedSale(
  c: Client,
  me: string,
  saleRef: string,
): Promise<void> {
  const gone = await c.query<{ hi_rxno: string }>(
    `DELETE FROM rx_claims WHERE counter_id = $1 AND settlement_id = $2
       AND NOT EXISTS (SELECT 1 FROM code_sales
                       WHERE counter_id = $1 AND sale_ref = $2 AND returned_at IS NULL)
     RETURNING hi_rxno`,
    [me, saleRef],
  );
  for (const r of gone.rows) {
    await c.query(
      `INSERT INTO rx_claim_events (hi_rxno, counter_id, event) VALUES ($1, $2, 'released')`,
      [r.hi_rxno, me],
    );
  }
}
