import { create } from 'zustand';
import type { ShiftStatus } from '../../contract/types-review';
import { api } from '../api';
import { beep } from '../feedback/beep';
import { heldCountNow, heldWarning } from '../held/held-warning';
import { useFeedbackStore } from '../stores/feedback-store';
import { reportFailure } from '../stores/report-failure';
import { useSessionStore } from '../stores/session-store';

interface ShiftState {
  status: ShiftStatus | null;
  busy: boolean;
  load(): Promise<void>;
  /** Opens the signed-in pharmacist's shift, or closes it when open (R-PHARMACIST). */
  toggle(): Promise<void>;
  reset(): void;
}

export const useShiftStore = create<ShiftState>((set, get) => ({
  status: null,
  busy: false,

  async load() {
    try {
      set({ status: await api.call('shift.status', {}) });
    } catch (err) {
      reportFailure(err);
    }
  },

  async toggle() {
    if (get().busy) return;
    if (useSessionStore.getState().session?.staff.role !== 'pharmacist') {
      useFeedbackStore.getState().showError({
        code: 'FORBIDDEN',
        message: '只有执业药师可以上岗、下岗',
        ruleId: 'R-PHARMACIST',
      });
      return;
    }
    set({ busy: true });
    try {
      const open = get().status?.mine;
      await api.call(open ? 'shift.close' : 'shift.open', {});
      beep('success');
      await get().load();
      const warning = open ? heldWarning(await heldCountNow()) : null;
      if (warning) useFeedbackStore.getState().showNotice(`已下岗。${warning}`);
    } catch (err) {
      reportFailure(err);
    } finally {
      set({ busy: false });
    }
  },

  reset: () => set({ status: null, busy: false }),
}));
