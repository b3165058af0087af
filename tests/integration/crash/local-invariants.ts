import { createHash } from 'node:crypto';
import { redactedBody } from '../../../src/services/outbox-credentials';
import type { Db } from '../../../src/store/database';

/**
 * What an earlier check saw of one outbox item: it must never disappear or change its request,
 * except the one change allowed after delivery: its one-time credentials replaced by their SM3
 * digest (migration 18). The hash is taken of the body as it reads once redacted, so a redaction
 * compares equal and any other change does not.
 */
export interface SeenItem {
  status: string;
  bodyHash: string;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** SQL returning offending rows; each must come back empty. */
const MUST_BE_EMPTY: Record<string, string> = {
  // R-SALES-UP / R-STOCK: a settled sale has both uploads queued with it.
  'settled sale without its 7207/3505 outbox items': `
    SELECT s.id, i.infno FROM settlements s
      CROSS JOIN (SELECT '7207' AS infno UNION ALL SELECT '3505') i
    WHERE s.state IN ('settled', 'refunding', 'refund_unknown', 'refunded')
      AND NOT EXISTS (SELECT 1 FROM sale_uploads u JOIN outbox o ON o.msgid = u.msgid
                      WHERE u.settlement_id = s.id AND u.infno = i.infno AND o.infno = i.infno)`,
  'self-pay sale without its 3505 outbox item': `
    SELECT p.id FROM self_pay_sales p
    WHERE NOT EXISTS (SELECT 1 FROM sale_uploads u JOIN outbox o ON o.msgid = u.msgid
                      WHERE u.sale_id = p.id AND u.infno = '3505')`,
  'review without its 7206 outbox item': `
    SELECT r.id FROM rx_reviews r WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.msgid = r.upload_msgid)`,
  'unknown 2102 without its queued 2601': `
    SELECT c.id FROM settlement_calls c
    WHERE c.reversal_msgid IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.msgid = c.reversal_msgid AND o.infno = '2601')`,
  'sale upload pointing at no outbox item': `
    SELECT u.msgid FROM sale_uploads u WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.msgid = u.msgid)`,
  // R-STOCK: what left each batch is exactly what completed dispensings and sales took.
  'batch stock disagrees with dispensings and sales': `
    SELECT b.id FROM stock_batches b
    WHERE b.packs_received - b.packs_on_hand <>
      coalesce((SELECT sum(a.packs) FROM dispensing_allocations a JOIN dispensings d ON d.id = a.dispensing_id
                WHERE a.batch_id = b.id AND d.state = 'completed'), 0)
      + coalesce((SELECT sum(a.packs) FROM self_pay_allocations a WHERE a.batch_id = b.id), 0)`,
  'stock taken by a dispensing that is not completed': `
    SELECT a.dispensing_id FROM dispensing_allocations a JOIN dispensings d ON d.id = a.dispensing_id
    WHERE d.state <> 'completed'`,
  'completed dispensing line whose codes and stock differ': `
    SELECT l.dispensing_id, l.line_no FROM dispensing_lines l JOIN dispensings d ON d.id = l.dispensing_id
    WHERE d.state = 'completed' AND l.split_pack = 0 AND (
      (SELECT count(*) FROM dispensing_codes c WHERE c.dispensing_id = l.dispensing_id AND c.line_no = l.line_no)
        <> l.packs_prescribed
      OR coalesce((SELECT sum(packs) FROM dispensing_allocations a
                   WHERE a.dispensing_id = l.dispensing_id AND a.line_no = l.line_no), 0) <> l.packs_prescribed)`,
  // sold_codes is the one registry of every sale path (migration 13): a dispensing or a cash sale
  'sold code without a completed dispensing or its cash sale': `
    SELECT s.code FROM sold_codes s
    WHERE s.returned_at IS NULL AND NOT EXISTS (
      SELECT 1 FROM dispensing_codes c JOIN dispensings d ON d.id = c.dispensing_id
      WHERE c.code = s.code AND d.state = 'completed')
      AND NOT EXISTS (
        SELECT 1 FROM self_pay_codes c WHERE c.code = s.code AND c.sale_id = s.self_pay_sale_id)`,
  // …unless the sale was refunded (a 自费结算 of an e-prescription, D45): its codes are free again
  'code of a cash sale not recorded as sold by it': `
    SELECT c.code FROM self_pay_codes c
    WHERE NOT EXISTS (SELECT 1 FROM sold_codes s
      WHERE s.code = c.code AND s.self_pay_sale_id = c.sale_id AND s.returned_at IS NULL)
      AND NOT EXISTS (SELECT 1 FROM rx_self_pay_sales r
        WHERE r.sale_id = c.sale_id AND r.refunded_at IS NOT NULL)`,
  'code of a completed dispensing not recorded as sold': `
    SELECT c.code FROM dispensing_codes c JOIN dispensings d ON d.id = c.dispensing_id
    WHERE d.state = 'completed'
      AND NOT EXISTS (SELECT 1 FROM sold_codes s WHERE s.code = c.code AND s.returned_at IS NULL)`,
  'self-pay line whose codes and stock differ': `
    SELECT l.sale_id, l.line_no FROM self_pay_lines l
    WHERE (SELECT count(*) FROM self_pay_codes c WHERE c.sale_id = l.sale_id AND c.line_no = l.line_no) <> l.packs
       OR coalesce((SELECT sum(packs) FROM self_pay_allocations a
                    WHERE a.sale_id = l.sale_id AND a.line_no = l.line_no), 0) <> l.packs`,
  // R-KEEP: no settlement happens unrecorded — its entry is in the chain, or still pending and
  // recorded as interrupted at the next start.
  'settlement without its audit entry, recorded or pending': `
    SELECT s.id FROM settlements s
    WHERE s.state IN ('settled', 'refunding', 'refund_unknown', 'refunded')
      AND NOT EXISTS (
        SELECT 1 FROM audit_log a
        WHERE a.action IN ('settle.confirm', 'settle.resolve')
          AND (json_extract(a.detail, '$.dispensingId') = s.dispensing_id
               OR json_extract(a.detail, '$.settlementId') = s.id))
      AND NOT EXISTS (
        SELECT 1 FROM audit_pending p
        WHERE p.method IN ('settle.confirm', 'settle.resolveUnknown')
          AND (json_extract(p.record, '$.detail.dispensingId') = s.dispensing_id
               OR json_extract(p.record, '$.detail.settlementId') = s.id))`,
  // Data protection: the pharmacist's e-voucher token leaves a 7206 body in its delivery commit.
  'delivered 7206 still holding the e-voucher token': `
    SELECT o.id FROM outbox o
    WHERE o.status = 'delivered' AND o.infno = '7206'
      AND json_extract(o.body, '$.input.rx_chk_up_info.ec_token') NOT LIKE 'sm3:%'`,
  'self-pay sale without lines': `
    SELECT p.id FROM self_pay_sales p WHERE NOT EXISTS (SELECT 1 FROM self_pay_lines l WHERE l.sale_id = p.id)`,
};

/**
 * Checks one reopened counter database after a kill; returns the violations (empty when sound)
 * and updates `seen` with the outbox as it is now.
 */
export function localViolations(db: Db, seen: Map<string, SeenItem>): string[] {
  const out: string[] = [];
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') out.push(`integrity_check: ${String(integrity)}`);
  const fk = db.pragma('foreign_key_check') as unknown[];
  if (fk.length > 0) out.push(`foreign_key_check: ${JSON.stringify(fk.slice(0, 3))}`);
  for (const [what, sql] of Object.entries(MUST_BE_EMPTY)) {
    const rows = db.prepare(sql).all();
    if (rows.length > 0) out.push(`${what}: ${JSON.stringify(rows.slice(0, 3))}`);
  }
  const items = db.prepare('SELECT msgid, infno, status, body FROM outbox').all() as Array<{
    msgid: string;
    infno: string;
    status: string;
    body: string;
  }>;
  const requestHash = (i: { infno: string; body: string }) =>
    sha(redactedBody(i.infno, i.body) ?? i.body);
  const now = new Map(items.map((i) => [i.msgid, { status: i.status, bodyHash: requestHash(i) }]));
  for (const [msgid, before] of seen) {
    const after = now.get(msgid);
    if (!after) out.push(`outbox item ${msgid} lost`);
    else if (after.bodyHash !== before.bodyHash) out.push(`outbox item ${msgid} request changed`);
    else if (before.status === 'delivered' && after.status !== 'delivered')
      out.push(`outbox item ${msgid} went back from delivered to ${after.status}`);
  }
  for (const [msgid, item] of now) seen.set(msgid, item);
  return out;
}
