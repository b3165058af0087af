import { create } from 'zustand';
import type { ComplaintDetail, ComplaintView } from '../../contract/types-complaints';
import type { ComplaintChannel } from '../../domain/complaint/complaint';
import type { AppErrorShape } from '../../domain/errors';
import { api, isUnauthenticated, toShape } from '../api';
import { onPageChange } from '../navigation/navigation-store';
import { useSessionStore } from '../stores/session-store';
import type { FollowUpState } from './complaint-moves';

export interface RegisterDraft {
  channel: ComplaintChannel;
  complainantName: string;
  complainantPhone: string;
  subject: string;
  hiRxno: string;
}

export interface FollowUpDraft {
  to: FollowUpState | null;
  checkResult: string;
  correction: string;
  agency: string;
  note: string;
}

const EMPTY_REGISTER: RegisterDraft = {
  channel: 'counter',
  complainantName: '',
  complainantPhone: '',
  subject: '',
  hiRxno: '',
};
const EMPTY_FOLLOW_UP: FollowUpDraft = {
  to: null,
  checkResult: '',
  correction: '',
  agency: '',
  note: '',
};

interface ComplaintState {
  items: ComplaintView[];
  selected: number;
  detail: ComplaintDetail | null;
  register: RegisterDraft;
  followUp: FollowUpDraft;
  busy: boolean;
  error: AppErrorShape | null;
  notice: string | null;
  load(): Promise<void>;
  move(delta: number): void;
  editRegister(patch: Partial<RegisterDraft>): void;
  editFollowUp(patch: Partial<FollowUpDraft>): void;
  submitRegister(): Promise<void>;
  submitFollowUp(): Promise<void>;
}

const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());

/** 投诉举报 (Alt+V): the register, the selected complaint and the two forms (R-COMPLAINT). */
export const useComplaintStore = create<ComplaintState>((set, get) => {
  const fail = (err: unknown) => {
    if (isUnauthenticated(err)) useSessionStore.getState().expire(toShape(err).message);
    set({ busy: false, error: toShape(err), notice: null });
  };
  const show = async (id: number | undefined) => {
    const detail = id === undefined ? null : await api.call('complaints.get', { id });
    set({ detail, followUp: EMPTY_FOLLOW_UP });
  };
  return {
    items: [],
    selected: 0,
    detail: null,
    register: EMPTY_REGISTER,
    followUp: EMPTY_FOLLOW_UP,
    busy: false,
    error: null,
    notice: null,
    async load() {
      try {
        const items = await api.call('complaints.list', { openOnly: false });
        const selected = Math.min(get().selected, Math.max(items.length - 1, 0));
        set({ items, selected });
        await show(items[selected]?.id);
      } catch (err) {
        fail(err);
      }
    },
    move(delta) {
      const n = get().items.length;
      if (n === 0) return;
      const selected = (get().selected + delta + n) % n;
      set({ selected, error: null, notice: null });
      void show(get().items[selected]?.id).catch(fail);
    },
    editRegister: (patch) => set({ register: { ...get().register, ...patch } }),
    editFollowUp: (patch) => set({ followUp: { ...get().followUp, ...patch } }),
    async submitRegister() {
      const r = get().register;
      set({ busy: true, error: null, notice: null });
      try {
        const c = await api.call('complaints.register', {
          channel: r.channel,
          subject: r.subject,
          complainantName: optional(r.complainantName),
          complainantPhone: optional(r.complainantPhone),
          hiRxno: optional(r.hiRxno),
        });
        set({ busy: false, register: EMPTY_REGISTER, selected: 0, notice: `已登记第 ${c.id} 号` });
        await get().load();
      } catch (err) {
        fail(err);
      }
    },
    async submitFollowUp() {
      const { detail, followUp: f } = get();
      if (!detail || !f.to) return;
      set({ busy: true, error: null, notice: null });
      try {
        const c = await api.call('complaints.followUp', {
          id: detail.id,
          to: f.to,
          checkResult: optional(f.checkResult),
          correction: optional(f.correction),
          agency: optional(f.agency),
          note: optional(f.note),
        });
        set({ busy: false, notice: `第 ${c.id} 号：${c.stateLabel}` });
        await get().load();
      } catch (err) {
        fail(err);
      }
    },
  };
});

/** Each opening reads the register afresh; closing forgets drafts that were not submitted. */
onPageChange('complaints', {
  opened() {
    useComplaintStore.setState({ selected: 0, error: null, notice: null });
    void useComplaintStore.getState().load();
  },
  closed: () =>
    useComplaintStore.setState({
      register: EMPTY_REGISTER,
      followUp: EMPTY_FOLLOW_UP,
      error: null,
      notice: null,
    }),
});
