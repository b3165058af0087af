import { create } from 'zustand';
import type { StaffView } from '../../contract/types-staff';
import type { AppErrorShape } from '../../domain/errors';
import { passwordProblem } from '../../domain/password-policy';
import type { Role } from '../../domain/staff';
import { staffAccountProblem, USERNAME_PATTERN } from '../../domain/staff-account';
import { api, isUnauthenticated, toShape } from '../api';
import { onPageChange } from '../navigation/navigation-store';
import { useSessionStore } from '../stores/session-store';

export interface StaffDraft {
  /** null: a new account. */
  id: number | null;
  username: string;
  displayName: string;
  role: Role;
  pharmacistCode: string;
  certno: string;
  password: string;
}

/** Deactivation, reactivation and a password reset each ask first. */
export interface StaffAction {
  kind: 'deactivate' | 'reactivate' | 'reset';
  staff: StaffView;
  password: string;
}

export const EMPTY_DRAFT: StaffDraft = {
  id: null,
  username: '',
  displayName: '',
  role: 'cashier',
  pharmacistCode: '',
  certno: '',
  password: '',
};

interface StaffState {
  items: StaffView[];
  draft: StaffDraft;
  /** Counts saves, so the form starts afresh (focus in its first field) after each. */
  saves: number;
  action: StaffAction | null;
  busy: boolean;
  error: AppErrorShape | null;
  notice: string | null;
  load(): Promise<void>;
  edit(patch: Partial<StaffDraft>): void;
  startEdit(staff: StaffView): void;
  startAction(kind: StaffAction['kind'], staff: StaffView): void;
  editActionPassword(password: string): void;
  cancel(): void;
  save(): Promise<void>;
  confirmAction(): Promise<void>;
}

const invalid = (message: string): AppErrorShape => ({ code: 'VALIDATION', message });
const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** What the form refuses before asking the counter: the same domain rules the service applies. */
function draftProblem(d: StaffDraft): string | null {
  if (d.id === null && !USERNAME_PATTERN.test(d.username.trim()))
    return '用户名须以字母开头，2–32 位字母、数字或 _ . -';
  const account = staffAccountProblem({
    displayName: d.displayName,
    role: d.role,
    pharmacistCode: orNull(d.pharmacistCode),
    certno: orNull(d.certno),
  });
  if (account) return account.message;
  return d.id === null ? passwordProblem(d.password, d.username) : null;
}

/** 员工管理 (Ctrl+Shift+Y, administrator): accounts, their roles, state and temporary passwords. */
export const useStaffStore = create<StaffState>((set, get) => {
  const fail = (err: unknown) => {
    if (isUnauthenticated(err)) useSessionStore.getState().expire(toShape(err).message);
    set({ busy: false, error: toShape(err), notice: null });
  };
  return {
    items: [],
    draft: EMPTY_DRAFT,
    saves: 0,
    action: null,
    busy: false,
    error: null,
    notice: null,
    async load() {
      try {
        set({ items: await api.call('staff.list', {}) });
      } catch (err) {
        fail(err);
      }
    },
    edit: (patch) => set({ draft: { ...get().draft, ...patch } }),
    startEdit: (s) =>
      set({
        draft: {
          id: s.id,
          username: s.username,
          displayName: s.displayName,
          role: s.role,
          pharmacistCode: s.pharmacistCode ?? '',
          certno: '',
          password: '',
        },
        action: null,
        error: null,
        notice: null,
      }),
    startAction: (kind, staff) =>
      set({ action: { kind, staff, password: '' }, error: null, notice: null }),
    editActionPassword(password) {
      const action = get().action;
      if (action) set({ action: { ...action, password } });
    },
    cancel: () => set({ draft: EMPTY_DRAFT, action: null, error: null }),
    async save() {
      const d = get().draft;
      const problem = draftProblem(d);
      if (problem) return set({ error: invalid(problem), notice: null });
      set({ busy: true, error: null, notice: null });
      try {
        const fields = {
          displayName: d.displayName,
          role: d.role,
          pharmacistCode: orNull(d.pharmacistCode),
          certno: orNull(d.certno),
        };
        const saved =
          d.id === null
            ? await api.call('staff.create', {
                username: d.username,
                password: d.password,
                ...fields,
              })
            : await api.call('staff.update', { id: d.id, ...fields });
        const what = d.id === null ? '已新建' : '已保存';
        set({
          busy: false,
          draft: EMPTY_DRAFT,
          saves: get().saves + 1,
          notice: `${what}：${saved.displayName}（${saved.username}）`,
        });
        await get().load();
      } catch (err) {
        fail(err);
      }
    },
    async confirmAction() {
      const action = get().action;
      if (!action) return;
      const { kind, staff } = action;
      if (kind === 'reset') {
        const problem = passwordProblem(action.password, staff.username);
        if (problem) return set({ error: invalid(problem), notice: null });
      }
      set({ busy: true, error: null, notice: null });
      try {
        if (kind === 'deactivate') await api.call('staff.deactivate', { id: staff.id });
        else if (kind === 'reactivate') await api.call('staff.reactivate', { id: staff.id });
        else await api.call('staff.resetPassword', { id: staff.id, password: action.password });
        const done = {
          deactivate: '已停用',
          reactivate: '已启用',
          reset: '已设临时密码（下次登录须修改）',
        };
        set({ busy: false, action: null, notice: `${staff.displayName}：${done[kind]}` });
        await get().load();
      } catch (err) {
        fail(err);
      }
    },
  };
});

onPageChange('staff', {
  opened: () => void useStaffStore.getState().load(),
  closed: () =>
    useStaffStore.setState({ draft: EMPTY_DRAFT, action: null, error: null, notice: null }),
});
