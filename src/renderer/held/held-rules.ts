import type { DispensingView } from '../../contract/types-dispense';
import type { SettlementView } from '../../contract/types-settlement';

/** Completed and no settlement that stands or may stand: 撤销调剂 is allowed (else refund). */
export function isHeld(view: DispensingView | null, settlement: SettlementView | null): boolean {
  if (view?.state !== 'completed' || view.withStay) return false;
  return settlement === null || settlement.state === 'refused' || settlement.state === 'voided';
}
