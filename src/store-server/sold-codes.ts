import type { StoreInput } from '../contract/store-protocol';
import type {
  CenterRefusedReport,
  ConfirmAnswer,
  ReleaseAnswer,
  ReserveAnswer,
  ReturnAnswer,
  StoreRefusal,
} from '../contract/types-store';
import { type Client, ms } from './database';
import type { Outcome } from './idempotent';
import {
  alreadySold,
  heldElsewhere,
  notOpenedHere,
  refusedByCenter,
  type SaleRow,
} from './refusals';
import { releaseClaimOfReturnedSale, settleClaimBySale } from './rx-claims-by-sale';

/**
 * The store's sold-code registry (R-TRACE-ONCE across counters). The once-only rule is held by
 * the database: one reservation per code (primary key) and one live sale per code (partial
 * unique index), so two counters racing for a pack cannot both win whatever the timing; the
 * reads here only choose the words of a refusal.
 */
const LIVE_SALE = `SELECT code, med_list_codg, counter_id, sale_ref, sold_at, units_per_pack, units_left
  FROM code_sales WHERE code = $1 AND returned_at IS NULL`;

async function liveSale(c: Client, code: string): Promise<SaleRow | undefined> {
  return (await c.query<SaleRow>(LIVE_SALE, [code])).rows[0];
}

async function centerRefusal(c: Client, code: string): Promise<StoreRefusal | null> {
  const r = (
    await c.query<{
      center_message: string;
      infno: '7207' | '3505';
      msgid: string;
      refused_at: Date;
    }>(
      'SELECT center_message, infno, msgid, refused_at FROM center_refused_codes WHERE code = $1',
      [code],
    )
  ).rows[0];
  return r ? refusedByCenter(code, r) : null;
}

async function holder(c: Client, code: string) {
  return (
    await c.query<{ counter_id: string; reserved_at: Date }>(
      'SELECT counter_id, reserved_at FROM code_reservations WHERE code = $1',
      [code],
    )
  ).rows[0];
}

export async function reserve(
  c: Client,
  me: string,
  i: StoreInput<'codes.reserve'>,
  reservationSeconds: number,
): Promise<Outcome<ReserveAnswer>> {
  const refuse = (refusal: StoreRefusal): Outcome<ReserveAnswer> => ({
    answer: { verdict: 'refused', refusal },
    keep: false,
  });
  const atCenter = await centerRefusal(c, i.code);
  if (atCenter) return refuse(atCenter);
  if (i.reusePack) {
    const sale = await liveSale(c, i.code);
    if (!sale || sale.counter_id !== me || sale.units_per_pack === null) {
      return refuse(notOpenedHere(i.code, sale));
    }
    if (sale.units_left === 0) return refuse(alreadySold(i.code, sale));
    return { answer: { verdict: 'reserved', code: i.code, expiresAt: Date.now() }, keep: true };
  }
  const held = await c.query<{ expires_at: Date }>(
    `INSERT INTO code_reservations (code, counter_id, sale_ref, med_list_codg, expires_at)
     VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))
     ON CONFLICT (code) DO UPDATE SET counter_id = excluded.counter_id,
       sale_ref = excluded.sale_ref, med_list_codg = excluded.med_list_codg,
       reserved_at = now(), expires_at = excluded.expires_at
     WHERE code_reservations.expires_at < now()
       OR (code_reservations.counter_id = excluded.counter_id
           AND code_reservations.sale_ref = excluded.sale_ref)
     RETURNING expires_at`,
    [i.code, me, i.saleRef, i.medListCodg, reservationSeconds],
  );
  const got = held.rows[0];
  if (!got) {
    const h = await holder(c, i.code);
    return refuse(heldElsewhere(i.code, h ?? { counter_id: '?', reserved_at: new Date() }, me));
  }
  // Read after the reservation row is ours: a sale committed by a racing confirm is visible now.
  const sale = await liveSale(c, i.code);
  if (sale) return refuse(alreadySold(i.code, sale));
  return {
    answer: { verdict: 'reserved', code: i.code, expiresAt: ms(got.expires_at) },
    keep: true,
  };
}

export async function release(
  c: Client,
  me: string,
  i: StoreInput<'codes.release'>,
): Promise<Outcome<ReleaseAnswer>> {
  const r = await c.query(
    `DELETE FROM code_reservations
     WHERE counter_id = $1 AND sale_ref = $2 AND ($3::text[] IS NULL OR code = ANY ($3))`,
    [me, i.saleRef, i.codes],
  );
  return { answer: { released: r.rowCount ?? 0 }, keep: true };
}

/** Completion: every pack sold in this transaction, or (any refusal) none. */
export async function confirm(
  c: Client,
  me: string,
  i: StoreInput<'codes.confirm'>,
): Promise<Outcome<ConfirmAnswer>> {
  const refusals: StoreRefusal[] = [];
  // One lock order for every confirm, so two counters' completions cannot deadlock.
  const lines = [...i.lines].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (const l of lines) {
    const refusal =
      l.reusedUnits === null
        ? await sell(c, me, i.saleRef, l)
        : await takeUnits(c, me, l.code, l.reusedUnits);
    if (refusal) refusals.push(refusal);
  }
  if (refusals.length > 0) return { answer: { verdict: 'refused', refusals }, keep: false };
  if (i.settlesRx !== undefined) await settleClaimBySale(c, me, i.settlesRx, i.saleRef);
  const at = (await c.query<{ now: Date }>('SELECT now()')).rows[0]?.now ?? new Date();
  return { answer: { verdict: 'confirmed', sold: lines.length, at: ms(at) }, keep: true };
}

async function sell(
  c: Client,
  me: string,
  saleRef: string,
  l: StoreInput<'codes.confirm'>['lines'][number],
): Promise<StoreRefusal | null> {
  const atCenter = await centerRefusal(c, l.code);
  if (atCenter) return atCenter;
  // Our reservation (any age) or an expired one of another counter gives way; a live one does not.
  const freed = await c.query(
    `DELETE FROM code_reservations WHERE code = $1 AND (counter_id = $2 OR expires_at < now())`,
    [l.code, me],
  );
  if (freed.rowCount === 0) {
    const h = await holder(c, l.code);
    if (h) return heldElsewhere(l.code, h, me);
  }
  const sold = await c.query(
    `INSERT INTO code_sales (code, med_list_codg, counter_id, sale_ref, units_per_pack, units_left)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (code) WHERE returned_at IS NULL DO NOTHING`,
    [l.code, l.medListCodg, me, saleRef, l.unitsPerPack, l.unitsLeft],
  );
  if (sold.rowCount === 1) return null;
  const earlier = await liveSale(c, l.code);
  return earlier ? alreadySold(l.code, earlier) : notOpenedHere(l.code, undefined);
}

async function takeUnits(
  c: Client,
  me: string,
  code: string,
  units: number,
): Promise<StoreRefusal | null> {
  const r = await c.query(
    `UPDATE code_sales SET units_left = units_left - $3
     WHERE code = $1 AND returned_at IS NULL AND counter_id = $2 AND units_left >= $3`,
    [code, me, units],
  );
  if (r.rowCount === 1) return null;
  const sale = await liveSale(c, code);
  return sale && sale.counter_id === me && sale.units_per_pack !== null
    ? alreadySold(code, { ...sale, units_left: 0 })
    : notOpenedHere(code, sale);
}

export async function returnCodes(
  c: Client,
  me: string,
  key: string,
  i: StoreInput<'codes.return'>,
): Promise<Outcome<ReturnAnswer>> {
  const r = await c.query(
    `UPDATE code_sales SET returned_at = now(), return_ref = $4
     WHERE code = ANY ($3) AND returned_at IS NULL AND counter_id = $1 AND sale_ref = $2`,
    [me, i.saleRef, i.codes, key],
  );
  await releaseClaimOfReturnedSale(c, me, i.saleRef);
  return { answer: { returned: r.rowCount ?? 0 }, keep: true };
}

export async function recordCenterRefusal(
  c: Client,
  me: string,
  i: StoreInput<'codes.centerRefused'>,
): Promise<Outcome<CenterRefusedReport>> {
  const r = await c.query(
    `INSERT INTO center_refused_codes (code, center_message, infno, msgid, refused_at, reported_by)
     VALUES ($1, $2, $3, $4, to_timestamp($5 / 1000.0), $6) ON CONFLICT (code) DO NOTHING`,
    [i.code, i.centerMessage, i.infno, i.msgid, i.refusedAt, me],
  );
  return { answer: { recorded: r.rowCount === 1 }, keep: true };
}
