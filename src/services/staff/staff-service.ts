import type { StaffView } from '../../contract/types-staff';
import { AppError } from '../../domain/errors';
import { passwordProblem } from '../../domain/password-policy';
import { ruleCitationForUsers } from '../../domain/rules';
import type { Role } from '../../domain/staff';
import {
  normaliseStaffAccount,
  type StaffAccountFields,
  staffAccountProblem,
  USERNAME_PATTERN,
} from '../../domain/staff-account';
import type { Db } from '../../store/database';
import { LoginFailureRepository } from '../../store/login-failure-repository';
import { sqliteCode } from '../../store/sqlite-errors';
import { StaffIdentityRepository } from '../../store/staff-identity-repository';
import { StaffRepository } from '../../store/staff-repository';
import type { AuthenticatedSession } from '../auth-service';
import type { Logger } from '../logger';
import { staffView } from './staff-view';

export interface NewStaffInput {
  username: string;
  displayName: string;
  role: Role;
  pharmacistCode?: string | null | undefined;
  certno?: string | null | undefined;
  /** The temporary password the administrator hands over; changed at the first log-in. */
  password: string;
}

export interface StaffUpdateInput {
  id: number;
  displayName: string;
  role: Role;
  pharmacistCode?: string | null | undefined;
  certno?: string | null | undefined;
}

interface StaffServiceDeps {
  db: Db;
  log: Logger;
  hash: (plain: string) => Promise<string>;
  verify: (plain: string, encoded: string) => Promise<boolean>;
  now?: () => number;
  /** Store mode: called inside each account change's transaction (the roster owes it, D50). */
  rosterChanged?: ((username: string) => void) | undefined;
}

/** R-PHARMACIST, and 004 ST-EPC-02-002 for the code: who may review is registered here. */
const PHARMACIST_CITATION = `${ruleCitationForUsers('R-PHARMACIST')}；医保审方药师代码按国家医保编码标准传输（ST-EPC-02-002）`;

function refuseAccount(fields: StaffAccountFields): void {
  const problem = staffAccountProblem(fields);
  if (problem)
    throw new AppError('VALIDATION', problem.message, {
      ruleId: 'R-PHARMACIST',
      citation: PHARMACIST_CITATION,
      detail: problem.field,
    });
}

function refusePassword(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new AppError('VALIDATION', problem, { detail: 'password' });
}

/** Staff accounts: created, changed, switched off and on, passwords given and changed; never deleted. */
export function createStaffService(deps: StaffServiceDeps) {
  const now = deps.now ?? Date.now;
  const repo = new StaffRepository(deps.db, now);
  const identities = new StaffIdentityRepository(deps.db);
  const failures = new LoginFailureRepository(deps.db);

  const view = (id: number): StaffView => {
    const s = repo.listing(id);
    if (!s) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的员工账号`);
    return staffView(s, identities.get(id)?.certno ?? null);
  };

  /** The schema's own refusals (last administrator) as the counter's error. */
  const guarded = <T>(username: string, write: () => T): T => {
    try {
      return deps.db.transaction(() => {
        const result = write();
        deps.rosterChanged?.(username);
        return result;
      })();
    } catch (err) {
      if (sqliteCode(err) === 'SQLITE_CONSTRAINT_TRIGGER' && err instanceof Error)
        throw new AppError('CONFLICT', err.message);
      throw err;
    }
  };

  return {
    list(): StaffView[] {
      return repo.list().map((s) => staffView(s, identities.get(s.id)?.certno ?? null));
    },

    async create(input: NewStaffInput): Promise<StaffView> {
      const username = input.username.trim();
      if (!USERNAME_PATTERN.test(username))
        throw new AppError('VALIDATION', '用户名须以字母开头，2–32 位字母、数字或 _ . -', {
          detail: 'username',
        });
      const fields = normaliseStaffAccount({
        displayName: input.displayName,
        role: input.role,
        pharmacistCode: input.pharmacistCode ?? null,
        certno: input.certno ?? null,
      });
      refuseAccount(fields);
      refusePassword(input.password, username);
      const passwordHash = await deps.hash(input.password);
      const id = guarded(username, () => {
        const created = repo.create({
          username,
          ...fields,
          passwordHash,
          mustChangePassword: true,
        });
        if (fields.certno) identities.set(created.id, fields.certno);
        return created.id;
      });
      deps.log.info('staff.create', { staffId: id, role: fields.role });
      return view(id);
    },

    update(actor: AuthenticatedSession, input: StaffUpdateInput): StaffView {
      const before = view(input.id);
      if (actor.staff.id === input.id && input.role !== before.role)
        throw new AppError('FORBIDDEN', '不能更改自己的岗位，请由另一名管理员操作');
      const fields = normaliseStaffAccount({
        displayName: input.displayName,
        role: input.role,
        pharmacistCode: input.pharmacistCode ?? null,
        certno: input.certno ?? identities.get(input.id)?.certno ?? null,
      });
      refuseAccount(fields);
      guarded(before.username, () => {
        repo.update(input.id, fields);
        if (fields.certno) identities.set(input.id, fields.certno);
      });
      deps.log.info('staff.update', { staffId: input.id, role: fields.role });
      return view(input.id);
    },

    deactivate(actor: AuthenticatedSession, id: number): StaffView {
      if (actor.staff.id === id)
        throw new AppError('FORBIDDEN', '不能停用自己的账号，请由另一名管理员操作');
      const target = view(id);
      if (!target.active) throw new AppError('CONFLICT', '该账号已停用');
      guarded(target.username, () => repo.deactivate(id, actor.staff.id));
      deps.log.info('staff.deactivate', { staffId: id });
      return view(id);
    },

    reactivate(id: number): StaffView {
      const target = view(id);
      if (target.active) throw new AppError('CONFLICT', '该账号在用，无需启用');
      guarded(target.username, () => repo.reactivate(id));
      deps.log.info('staff.reactivate', { staffId: id });
      return view(id);
    },

    /** A temporary password, changed by its holder at the next log-in; lifts a log-in lock. */
    async resetPassword(id: number, password: string): Promise<StaffView> {
      const target = view(id);
      refusePassword(password, target.username);
      const passwordHash = await deps.hash(password);
      guarded(target.username, () => {
        repo.setPassword(id, passwordHash, true);
        failures.clear(target.username);
      });
      deps.log.info('staff.resetPassword', { staffId: id });
      return view(id);
    },

    /** The holder's own change: the old password proves it is them. */
    async changeOwnPassword(
      actor: AuthenticatedSession,
      oldPassword: string,
      newPassword: string,
    ): Promise<{ ok: true }> {
      const account = repo.credentialsOf(actor.staff.id);
      // refused, not merely invalid: a guess at an unattended session belongs in the audit trail
      if (!account || !(await deps.verify(oldPassword, account.passwordHash)))
        throw new AppError('FORBIDDEN', '原密码不正确', { detail: 'oldPassword' });
      if (oldPassword === newPassword)
        throw new AppError('VALIDATION', '新密码不能与原密码相同', { detail: 'password' });
      refusePassword(newPassword, actor.staff.username);
      const passwordHash = await deps.hash(newPassword);
      guarded(actor.staff.username, () => repo.setPassword(actor.staff.id, passwordHash, false));
      deps.log.info('session.changePassword', { staffId: actor.staff.id });
      return { ok: true };
    },
  };
}

export type StaffService = ReturnType<typeof createStaffService>;
