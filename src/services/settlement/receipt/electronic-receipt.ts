import { dateOnly, dateTime } from '../../../center/clock';
import { sm3Hex } from '../../../center/crypto';
import type { ElectronicReceiptView } from '../../../contract/types-settlement';
import { AppError } from '../../../domain/errors';
import {
  electronicReceiptNo,
  RECEIPT_CHOICES,
  type ReceiptChoice,
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

export function electronicReceiptView(
  ctx: SettlementContext,
  settlementId: number,
): ElectronicReceiptView | null {
  const r = ctx.eReceipts.get(settlementId);
  if (!r) return null;
  return {
    settlementId,
    receiptNo: r.receiptNo,
    patientChoice: r.patientChoice,
    choiceLabel: RECEIPT_CHOICES[r.patientChoice],
    sm3: r.sm3,
    issuedAt: dateTime(new Date(r.issuedAt)),
  };
}

/** The stored PDF, exactly as issued (its SM3 matches the record). */
export function electronicReceiptPdf(ctx: SettlementContext, settlementId: number): Buffer {
  const pdf = ctx.eReceipts.pdf(settlementId);
  if (!pdf) {
    throw new AppError('NOT_FOUND', `结算 ${settlementId} 没有电子票据（未结算成功）`, {
      ruleId: 'R-EINVOICE',
    });
  }
  return pdf;
}
