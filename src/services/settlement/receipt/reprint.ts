import { dateTime } from '../../../center/clock';
import type { ReceiptFormat, ReceiptView } from '../../../contract/types-settlement';
import type { SettlementContext } from '../context';
import { rendered, settlementReceipt } from './receipt-service';

/**
 * receipt.reprint (补打凭证): the receipt of a past settlement as it was, marked 补打 with the
 * moment of reprinting, so a reprint can never pass for the original. The audit entry is the
 * contract's (R-KEEP).
 */
export function reprintReceipt(
  ctx: SettlementContext,
  settlementId: number,
  format: ReceiptFormat,
): ReceiptView {
  const data = settlementReceipt(ctx, settlementId);
  return rendered(
    {
      ...data,
      title: `${data.title}（补打）`,
      rows: [...data.rows, ['补打时间', dateTime(ctx.now())]],
      footer: [...data.footer, '本单为补打凭证，结算内容与原结算单一致。'],
    },
    format,
  );
}
