/**
 * R-EINVOICE: the insured person may take an electronic receipt, a paper one, or both
 * (002 §二(二) "能够为参保人员提供电子票据、电子发票或纸质票据"). The electronic one is
 * stored for every settlement whatever the choice; the choice records what the patient took.
 */
export const RECEIPT_CHOICES = {
  paper: '纸质票据',
  electronic: '电子票据',
  both: '纸质和电子票据',
} as const;
export type ReceiptChoice = keyof typeof RECEIPT_CHOICES;
export const RECEIPT_CHOICE_CODES = Object.keys(RECEIPT_CHOICES) as ReceiptChoice[];

/** The electronic receipt's number: pharmacy code, settlement date and the local settlement id. */
export function electronicReceiptNo(
  fixmedinsCode: string,
  day: string,
  settlementId: number,
): string {
  return `DZ${fixmedinsCode}${day.replaceAll('-', '')}${String(settlementId).padStart(8, '0')}`;
}

/** The 红字 (冲红) receipt's number: the original's, `HZ` in place of `DZ` (R-EINVOICE). */
export function reversalReceiptNo(originalNo: string): string {
  return originalNo.replace(/^DZ/, 'HZ');
}
