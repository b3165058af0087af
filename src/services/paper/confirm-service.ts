import type { PaperView } from '../../contract/types-paper';
import { AppError } from '../../domain/errors';
import { PAPER_CONFIRMATION_LABELS } from '../../domain/lifecycle/state-labels';
import type { StaffMember } from '../../domain/staff';
import type { PaperRecord, PaperRepository } from '../../store/paper-repository';
import type { Logger } from '../logger';
import { toPaperView } from './paper-views';

export interface ConfirmDeps {
  repo: PaperRepository;
  log: Logger;
  now: () => Date;
}

/**
 * 药师确认 / 退回 of a paper prescription a cashier captured: the licensed pharmacist compares
 * the image with the data and decides before anyone dispenses it (R-PHARMACIST).
 */
export function createConfirmService(deps: ConfirmDeps) {
  function pending(staff: StaffMember, id: number): PaperRecord {
    if (staff.role !== 'pharmacist' || !staff.pharmacistCode?.trim()) {
      throw new AppError('FORBIDDEN', '纸质处方须由登记了国家药师编码的执业药师确认或退回', {
        ruleId: 'R-PHARMACIST',
      });
    }
    const r = deps.repo.get(id);
    if (!r) throw new AppError('NOT_FOUND', `没有第${id}号纸质处方`);
    if (r.confirmation.state !== 'pending') {
      throw new AppError(
        'CONFLICT',
        `第${id}号纸质处方${PAPER_CONFIRMATION_LABELS[r.confirmation.state]}，不能再次确认或退回`,
        { ruleId: 'R-PHARMACIST' },
      );
    }
    return r;
  }

  function decide(
    staff: StaffMember,
    id: number,
    decision: 'confirmed' | 'rejected',
    reason: string | null,
  ): PaperView {
    pending(staff, id);
    deps.repo.decide(id, decision, staff.id, deps.now().getTime(), reason);
    deps.log.info(`paper.${decision}`, { id, by: staff.username });
    const saved = deps.repo.get(id);
    if (!saved) throw new Error(`paper prescription ${id} vanished`);
    return toPaperView(saved);
  }

  return {
    confirm: (staff: StaffMember, id: number) => decide(staff, id, 'confirmed', null),
    reject: (staff: StaffMember, id: number, reason: string) =>
      decide(staff, id, 'rejected', reason),
  };
}
