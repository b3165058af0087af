import { CenterRefusedCodeRepository } from '../../store/center-refused-code-repository';
import type { Db } from '../../store/database';
import type { OutboxItem } from '../../store/outbox-repository';

/** Sales uploads whose refusal can name a code the center already has a live sale of. */
const SALE_UPLOADS = new Set(['7207', '3505']);

/**
 * The center's R-TRACE-ONCE refusal (docs/sandbox.md「R-TRACE-ONCE」): "药品追溯码 <code>
 * 已有销售记录（…），同一追溯码不能重复销售". The code is the first token after 药品追溯码.
 */
const SOLD_ELSEWHERE = /药品追溯码\s*(\S+?)\s*已有销售记录/;

/** Start of the parked item's error, so staff see why the code is now blocked. */
export const SOLD_ELSEWHERE_MARK = '【R-TRACE-ONCE 追溯码已在他处销售】';

/**
 * Outbox refusal hook (R-TRACE-ONCE): a 7207/3505 refused because one of its codes already has
 * a sale at the center is parked with that explanation, and the code is remembered with the
 * center's words so the next scan of it is refused at the counter (before any money moves).
 * Only a code the refused request really carried is recorded. Null for other refusals.
 */
export function centerRefusedCodeHook(db: Db, now: () => Date) {
  const repo = new CenterRefusedCodeRepository(db);
  return (item: OutboxItem, errMsg: string): string | null => {
    if (!SALE_UPLOADS.has(item.infno)) return null;
    const code = SOLD_ELSEWHERE.exec(errMsg)?.[1];
    if (!code || !item.body.includes(JSON.stringify(code))) return null;
    repo.record({
      code,
      centerMessage: errMsg,
      infno: item.infno as '7207' | '3505',
      msgid: item.msgid,
      refusedAt: now().getTime(),
    });
    return `${SOLD_ELSEWHERE_MARK}医保中心拒收（${errMsg}）。该追溯码已登记，柜台将拒绝再次销售；请核实该盒来源，已收费的请办理退费`;
  };
}
