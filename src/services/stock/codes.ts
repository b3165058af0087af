/**
 * Code values of the stock area (R-STOCK). The center's dictionary for 3502 `inv_chg_type` is
 * not in the record (docs/sandbox.md: 3502–3504 field names are our decision), so these are ours.
 */
export const ADJUST_REASONS = ['报损', '报溢', '盘点差异'] as const;
export type AdjustReason = (typeof ADJUST_REASONS)[number];

/** 3502 inv_chg_type: 103 盘盈, 104 盘亏, 105 报损, 106 报溢. */
export const INV_CHG_TYPES = {
  surplus: '103',
  shortage: '104',
  loss: '105',
  overflow: '106',
} as const;

/** The 3502 change type for a reason and direction; null when they contradict. */
export function invChgType(reason: AdjustReason, deltaPacks: number): string | null {
  if (reason === '报损') return deltaPacks < 0 ? INV_CHG_TYPES.loss : null;
  if (reason === '报溢') return deltaPacks > 0 ? INV_CHG_TYPES.overflow : null;
  return deltaPacks > 0 ? INV_CHG_TYPES.surplus : INV_CHG_TYPES.shortage;
}
