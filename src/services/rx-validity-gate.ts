import type { Out7204 } from '../center/rx/fsi-72xx';
import { AppError } from '../domain/errors';
import { validityProblem } from '../domain/policy/validity';
import type { StoredPrescription } from '../store/prescription-repository';
import type { RegionService } from './region-service';

/**
 * R-VALID at every step after download: a prescription that was valid at review can expire
 * before it is dispensed or settled, so dispensing start, completion and settlement (preview and
 * confirm) each ask again, on the center's clock where known.
 */
export function createRxValidityGate(deps: { regions: RegionService; now: () => Date }) {
  return {
    assertValid(p: StoredPrescription, step: '开始调剂' | '完成调剂' | '结算'): void {
      const d = (p.reply as Out7204).data;
      const pack = deps.regions.pack();
      const problem = validityProblem(
        { prscTime: d.prsc_time, uploadTime: d.x_upld_time, validEndTime: d.valid_end_time },
        pack.validity,
        deps.now(),
      );
      if (!problem) return;
      throw new AppError(
        'POLICY',
        `${problem}，不能${step}（${pack.name}政策包：${pack.citations.validity.source}）`,
        { ruleId: 'R-VALID' },
      );
    },
  };
}

export type RxValidityGate = ReturnType<typeof createRxValidityGate>;
