import { create } from 'zustand';
import type { ShiftStatus } from '../../contract/types-review';
import { api } from '../api';
import { beep } from '../feedback/beep';
import { useFeedbackStore } from '../stores/feedback-store';
import { reportFailure } from '../stores/report-failure';
import { useSessionStore } from '../stores/session-store';
import { useDaySummaryStore } from './day-summary-store';

interface ShiftState {
  status: ShiftStatus | null;
  busy: boolean;
  load(): Promise<void>;
  /** F12 (R-PHARMACIST): on duty, or off duty through the 日结汇总 (R-KEEP: held dispensings first). */
  toggle(): Promise<void>;
  /** Opens or closes the shift now, without asking. */
  switchShift(): Promise<void>;
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
    if (get().status?.mine) {
      // Off duty: the day's summary first; 下岗 is its confirmation.
      await useDaySummaryStore.getState().open('offDuty');
      return;
    }
    await get().switchShift();
  },

  async switchShift() {
    if (get().busy) return;
    set({ busy: true });
    try {
      const open = get().status?.mine;
      await api.call(open ? 'shift.close' : 'shift.open', {});
      beep('success');
      await get().load();
    } catch (err) {
      reportFailure(err);
    } finally {
      set({ busy: false });
    }
  },

  reset: () => set({ status: null, busy: false }),
}));
