import type { staffContract } from '../contract/contract-staff';
import type { AppServices } from '../services/app-services';
import { type HandlersFor, must } from './handler-context';

export function createStaffHandlers(s: AppServices): HandlersFor<typeof staffContract> {
  return {
    'staff.list': () => s.staff.list(),
    'staff.create': (i) => s.staff.create(i),
    'staff.update': (i, ctx) => s.staff.update(must(ctx), i),
    'staff.deactivate': (i, ctx) => s.staff.deactivate(must(ctx), i.id),
    'staff.reactivate': (i) => s.staff.reactivate(i.id),
    'staff.resetPassword': (i) => s.staff.resetPassword(i.id, i.password),
    'session.changePassword': (i, ctx) =>
      s.staff.changeOwnPassword(must(ctx), i.oldPassword, i.newPassword),
  };
}
