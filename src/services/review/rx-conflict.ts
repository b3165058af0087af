import { RX_STATUS } from '../../center/rx/rx-status';
import type { RuleFinding } from '../../contract/types';
import { citation } from '../../domain/rules';
import type { Db } from '../../store/database';
import type { OutboxItem } from '../../store/outbox-repository';

/** Uploads whose refusal can mean the prescription changed at the center while we were offline. */
const RX_UPLOADS = new Set(['7206', '7207']);

/** Start of the parked item's error: how the conflict is found again later (durable, in the outbox). */
export const CONFLICT_MARK = '【R-STATUS 处方状态冲突】';

export const CONFLICT_ADVICE =
  '处方已被医院撤销/已在他处使用：请停止发药，联系开方医院；已收费的请办理退费';

/** Refusal text of the center → the prescription status it reveals (center-protocol §4). */
const REVEALED: Array<[RegExp, { codg: string; name: string }]> = [
  [/撤销/, RX_STATUS.revoked],
  [/已取药/, RX_STATUS.dispensed],
  [/已结算/, RX_STATUS.settled],
  [/已审核/, RX_STATUS.reviewed],
  [/已使用|他处/, RX_STATUS.dispensed],
];

/**
 * Outbox refusal hook (R-STATUS): a 7206/7207 refused (infcode -2) because the prescription was
 * revoked or used elsewhere. Records the status the center revealed on the stored
 * prescription (so rx.get blocks dispensing and settlement) and returns the error the parked
 * item keeps; its later items of the same ordering key stay held behind it. Idempotent: a
 * resend after a crash is refused again and lands here again. Null for other refusals.
 */
export function rxConflictHook(db: Db) {
  const update = db.prepare(
    'UPDATE prescriptions SET status_codg = ?, status_name = ? WHERE hi_rxno = ?',
  );
  return (item: OutboxItem, errMsg: string): string | null => {
    if (!RX_UPLOADS.has(item.infno) || !item.orderingKey) return null;
    const status = REVEALED.find(([re]) => re.test(errMsg))?.[1];
    if (!status) return null;
    update.run(status.codg, status.name, item.orderingKey);
    return `${CONFLICT_MARK}医保中心拒收（${errMsg}）。${CONFLICT_ADVICE}`;
  };
}

/** The red finding for a prescription whose upload was refused as a conflict, or null. */
export function conflictFinding(db: Db, hiRxno: string): RuleFinding | null {
  const row = db
    .prepare(
      `SELECT last_error FROM outbox
       WHERE ordering_key = ? AND status = 'parked' AND infno IN ('7206', '7207')
         AND substr(last_error, 1, ?) = ?
       ORDER BY id LIMIT 1`,
    )
    .get(hiRxno, CONFLICT_MARK.length, CONFLICT_MARK) as { last_error: string } | undefined;
  if (!row) return null;
  return {
    ruleId: 'R-STATUS',
    code: 'RX_CONFLICT_AT_CENTER',
    severity: 'block',
    message: row.last_error.slice(CONFLICT_MARK.length),
    citation: citation('R-STATUS'),
  };
}
