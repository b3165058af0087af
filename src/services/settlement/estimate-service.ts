import { dateTime } from '../../center/clock';
import type { SettleEstimate } from '../../contract/types-settlement';
import type { AuthenticatedSession } from '../auth-service';
import type { SettlementContext } from './context';
import { patientView } from './insured-person';
import { type PresettleInput, presettle } from './presettle';
import { requireEstimable } from './settle-gate';
import { selfPayNotices, splitLines, splitTotals } from './split-view';

export interface EstimateInput extends PresettleInput {
  dispensingId: number;
}

/**
 * settle.estimate: what the patient would pay for the prescribed quantities, asked of the center
 * (2101, no effect) while packs are still being scanned, so the price is known before the drugs
 * are handed over. Nothing is stored: settlement always starts from its own 2101 of the lines as
 * dispensed.
 */
export function createEstimateService(ctx: SettlementContext) {
  return async function estimate(
    session: AuthenticatedSession,
    input: EstimateInput,
  ): Promise<SettleEstimate> {
    const g = requireEstimable(ctx, input.dispensingId);
    const p = await presettle(ctx, session, g, input, 'estimate');
    const split = splitLines(p.output, p.lines, p.outOfScope);
    return {
      dispensingId: g.dispensing.id,
      hiRxno: g.rxno,
      patient: patientView(p.checked.psnName, p.checked.certno, p.person.insutype),
      useAccount: p.person.useAccount,
      lines: split,
      split: splitTotals(p.output, p.warnMsg),
      selfPayNotices: selfPayNotices(split),
      estimatedAt: dateTime(p.at),
    };
  };
}
