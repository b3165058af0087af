import { dateOnly, dateTime } from '../../../center/clock';
import { sm3Hex } from '../../../center/crypto';
import type { ElectronicReceiptView } from '../../../contract/types-settlement';
import { AppError } from '../../../domain/errors';
import {
  electronicReceiptNo,
  RECEIPT_CHOICES,
  type ReceiptChoice,
  reversalReceiptNo,
} from '../../../domain/settlement/receipt-choice';
import type { SettlementContext } from '../context';
import { a4ReceiptPdf } from './pdf-writer';
import { settlementReceipt } from './receipt-service';

/**
 * R-EINVOICE: issued inside the transaction that records the settlement as settled, so no
 * settlement stands without its electronic receipt: the same content as the paper receipt,
 * numbered, as a PDF with its SM3, beside what the patient chose to take.
 */
export function issueElectronicReceipt(
  ctx: SettlementContext,
  settlementId: number,
  choice: ReceiptChoice,
  at: Date,
): void {
  const receiptNo = electronicReceiptNo(ctx.config.pharmacy.code, dateOnly(at), settlementId);
  const data = settlementReceipt(ctx, settlementId);
  const pdf = a4ReceiptPdf({
    ...data,
    title: '医保结算电子票据',
    rows: [['电子票据号', receiptNo], ...data.rows],
  });
  ctx.eReceipts.insert({
    settlementId,
    receiptNo,
    patientChoice: choice,
    sm3: sm3Hex(pdf),
    issuedAt: at.getTime(),
    pdf,
  });
}

/**
 * R-EINVOICE: a refund of a settlement that had an electronic receipt issues its 红字 (冲红)
 * counterpart inside the refund's own transaction (the database refuses one for a settlement
 * that is not refunded): the original's content, amounts negated, naming the original receipt.
 */
export function issueReversalReceipt(ctx: SettlementContext, settlementId: number, at: Date): void {
  const original = ctx.eReceipts.get(settlementId);
  if (!original) return;
  const receiptNo = reversalReceiptNo(original.receiptNo);
  const data = settlementReceipt(ctx, settlementId);
  const pdf = a4ReceiptPdf({
    ...data,
    title: '医保结算电子票据（红字）',
    rows: [
      ['红字票据号', receiptNo],
      ['原电子票据号', original.receiptNo],
      ['冲红时间', dateTime(at)],
      ...data.rows,
    ],
    // A balance is a state, not an amount moved: it is not reversed and not shown.
    totals: data.totals
      .filter(([label]) => label !== '账户余额')
      .map(([label, amount]) => [label, negated(amount)]),
    footer: ['本票据冲销原电子票据，原票据作废。'],
    guidance: undefined,
  });
  ctx.eReceipts.insertReversal({
    settlementId,
    receiptNo,
    sm3: sm3Hex(pdf),
    issuedAt: at.getTime(),
    pdf,
  });
}

/** `12.80` → `-12.80`; zero stays as it is. */
function negated(amount: string): string {
  return /^[1-9]|^0\.\d*[1-9]/.test(amount) ? `-${amount}` : amount;
}

export function electronicReceiptView(
  ctx: SettlementContext,
  settlementId: number,
): ElectronicReceiptView | null {
  const r = ctx.eReceipts.get(settlementId);
  if (!r) return null;
  const red = ctx.eReceipts.reversal(settlementId);
  return {
    settlementId,
    receiptNo: r.receiptNo,
    patientChoice: r.patientChoice,
    choiceLabel: RECEIPT_CHOICES[r.patientChoice],
    sm3: r.sm3,
    issuedAt: dateTime(new Date(r.issuedAt)),
    reversal: red
      ? { receiptNo: red.receiptNo, sm3: red.sm3, issuedAt: dateTime(new Date(red.issuedAt)) }
      : null,
  };
}

/** The stored PDF (or its 红字 counterpart), exactly as issued (its SM3 matches the record). */
export function electronicReceiptPdf(
  ctx: SettlementContext,
  settlementId: number,
  kind: 'original' | 'reversal' = 'original',
): Buffer {
  if (kind === 'reversal') {
    const red = ctx.eReceipts.reversalPdf(settlementId);
    if (red) return red;
    throw new AppError('NOT_FOUND', `结算 ${settlementId} 没有红字电子票据（未退费）`, {
      ruleId: 'R-EINVOICE',
    });
  }
  const pdf = ctx.eReceipts.pdf(settlementId);
  if (!pdf) {
    throw new AppError('NOT_FOUND', `结算 ${settlementId} 没有电子票据（未结算成功）`, {
      ruleId: 'R-EINVOICE',
    });
  }
  return pdf;
}
