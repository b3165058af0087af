import type { ReceiptFormat, ReceiptView } from '../../../contract/types-settlement';
import { AppError } from '../../../domain/errors';
import { yuanText } from '../../../domain/money';
import type { SettlementContext } from '../context';
import { settlementView } from '../settlement-view';
import { rendered } from './receipt-service';

/** receipt.refundSlip (退费凭证): what the center gave back (2103) against the original 结算ID. */
export function refundSlip(
  ctx: SettlementContext,
  settlementId: number,
  format: ReceiptFormat,
): ReceiptView {
  const v = settlementView(ctx, settlementId);
  const r = v.refund;
  if (v.state !== 'refunded' || !r || !v.setlId || !r.fund || !r.account || !r.cash) {
    throw new AppError('CONFLICT', `结算 ${settlementId} 尚未退费成功，不能打印退费凭证`, {
      ruleId: 'R-REVERSE',
    });
  }
  const refundedTotal = r.fund.fen + r.account.fen + r.cash.fen;
  return rendered(
    {
      title: '医保退费凭证',
      pharmacyName: ctx.config.pharmacy.name,
      rows: [
        ['原结算ID', v.setlId],
        ['原结算时间', v.settledAt ?? ''],
        ['退费时间', r.refundedAt ?? ''],
        ['参保人', `${v.patient.nameMasked} ${v.patient.certnoMasked}`],
        ['退费原因', r.reason],
      ],
      lines: v.lines.map((l) => ({
        name: l.name,
        qty: `${l.quantity}${l.unit} x ${l.price.yuan}`,
        total: l.total.yuan,
        notes: [],
        codes: [],
      })),
      totals: [
        ['退费总额', yuanText(refundedTotal)],
        ['退回统筹基金', r.fund.yuan],
        ['退回个人账户', r.account.yuan],
        ['退回现金', r.cash.yuan],
      ],
      footer: ['医保结算已撤销，药品与追溯码已退回药店。'],
    },
    format,
  );
}
