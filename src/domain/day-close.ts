import { AppError } from './errors';

/** The shortest reason accepted for carrying a held dispensing over past a day's close. */
export const CARRY_OVER_REASON_MIN = 4;

/**
 * 日结 (R-KEEP, R-SETTLE): a day closes only when every held dispensing (已调剂未结算) has been
 * settled, cancelled (撤销调剂) or carried over with a recorded reason. The ids still open.
 */
export function heldNotCarriedOver(
  heldIds: readonly number[],
  carriedOver: ReadonlySet<number>,
): number[] {
  return heldIds.filter((id) => !carriedOver.has(id));
}

/** The refusal of a close while held dispensings are neither settled, cancelled nor carried over. */
export function dayCloseRefusal(openIds: readonly number[]): AppError | null {
  if (openIds.length === 0) return null;
  return new AppError(
    'POLICY',
    `还有 ${openIds.length} 笔待结算调剂（调剂单 ${openIds.join('、')}）：请先结算或撤销调剂，或在日结汇总中填写原因结转，再下岗`,
    { ruleId: 'R-KEEP' },
  );
}

/** A carry-over reason as given, or a refusal when it says too little. */
export function carryOverReason(reason: string): string {
  const trimmed = reason.trim();
  if ([...trimmed].length < CARRY_OVER_REASON_MIN) {
    throw new AppError('VALIDATION', `请写明结转原因（至少 ${CARRY_OVER_REASON_MIN} 个字）`, {
      ruleId: 'R-KEEP',
    });
  }
  return trimmed;
}
