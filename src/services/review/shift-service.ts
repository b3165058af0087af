import { dateTime } from '../../center/clock';
import type { ShiftStatus, ShiftView } from '../../contract/types-review';
import { dayCloseRefusal } from '../../domain/day-close';
import { AppError } from '../../domain/errors';
import type { StaffMember } from '../../domain/staff';
import type { ShiftRecord, ShiftRepository } from '../../store/shift-repository';
import type { Logger } from '../logger';
import { assertReviewer } from './review-rules';

export function toShiftView(s: ShiftRecord): ShiftView {
  return {
    shiftId: s.id,
    staffId: s.staffId,
    pharmacistName: s.pharmacistName,
    pharmacistCode: s.pharmacistCode,
    openedAt: dateTime(new Date(s.openedAt)),
    closedAt: s.closedAt === null ? null : dateTime(new Date(s.closedAt)),
  };
}

/** On-duty shifts of licensed pharmacists (R-PHARMACIST, ST-EPC-02-006). */
export function createShiftService(deps: {
  shifts: ShiftRepository;
  log: Logger;
  now: () => Date;
  /** Held dispensings neither settled, cancelled nor carried over today (日结, R-KEEP). */
  openHeld: () => readonly number[];
}) {
  return {
    status(staff: StaffMember): ShiftStatus {
      const onDuty = deps.shifts.onDuty().map(toShiftView);
      const mine = onDuty.find((s) => s.staffId === staff.id) ?? null;
      return {
        mine,
        onDuty,
        pharmacyMayReview: onDuty.length > 0,
        message:
          onDuty.length > 0
            ? `在岗执业药师：${onDuty.map((s) => s.pharmacistName).join('、')}`
            : '当前无执业药师在岗，不能审方',
      };
    },

    open(staff: StaffMember): ShiftView {
      assertReviewer(staff);
      const shift = deps.shifts.open(staff.id, deps.now().getTime());
      deps.log.info('shift.open', { staffId: staff.id, shiftId: shift.id });
      return toShiftView(shift);
    },

    /**
     * 下岗. The counter's day closes with its last pharmacist: while a colleague stays on duty,
     * the held dispensings stay in their hands and the one leaving is not held back.
     */
    close(staff: StaffMember): ShiftView {
      const lastOnDuty = !deps.shifts.onDuty().some((s) => s.staffId !== staff.id);
      const refusal = lastOnDuty ? dayCloseRefusal(deps.openHeld()) : null;
      if (refusal && deps.shifts.openFor(staff.id)) throw refusal;
      const shift = deps.shifts.close(staff.id, deps.now().getTime());
      if (!shift) throw new AppError('CONFLICT', '您当前不在岗，无需下岗');
      deps.log.info('shift.close', { staffId: staff.id, shiftId: shift.id });
      return toShiftView(shift);
    },

    openShiftOf(staffId: number): ShiftRecord | null {
      return deps.shifts.openFor(staffId);
    },
  };
}

export type ShiftService = ReturnType<typeof createShiftService>;
