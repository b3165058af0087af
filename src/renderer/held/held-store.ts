import { create } from 'zustand';
import type { HeldDispensingView } from '../../contract/types-dispense';
import type { AppErrorShape } from '../../domain/errors';
import { api, isUnauthenticated, toShape } from '../api';
import { useDispenseStore } from '../dispense/dispense-store';
import { beep } from '../feedback/beep';
import { useFeedbackStore } from '../stores/feedback-store';
import { reportFailure } from '../stores/report-failure';
import { useSessionStore } from '../stores/session-store';

interface HeldState {
  /** 待结算: completed dispensings never settled (null until first loaded). */
  items: readonly HeldDispensingView[] | null;
  selected: number;
  /** Incremented by Shift+F8 to put the focus on the 待结算 list. */
  focusRequest: number;
  /** A Shift+F8 the list has not yet acted on (so a later visit leaves the caret in the input). */
  focusPending: boolean;
  cancelling: boolean;
  cancelError: AppErrorShape | null;
  load(): Promise<void>;
  select(index: number): void;
  requestFocus(): void;
  focusTaken(): void;
  /** Opens the dispensing where it stopped: the settlement step for a held one. */
  reopen(item: HeldDispensingView): Promise<void>;
  /** 撤销调剂 of the dispensing shown on the dispense screen, with the pharmacist's reason. */
  cancelShown(reason: string): Promise<boolean>;
  clearCancelError(): void;
}

export const useHeldStore = create<HeldState>((set, get) => ({
  items: null,
  selected: 0,
  focusRequest: 0,
  focusPending: false,
  cancelling: false,
  cancelError: null,

  async load() {
    try {
      const items = await api.call('dispense.held', {});
      set({ items, selected: Math.min(get().selected, Math.max(0, items.length - 1)) });
    } catch (err) {
      reportFailure(err);
    }
  },

  select: (selected) => set({ selected }),
  requestFocus: () => set((s) => ({ focusRequest: s.focusRequest + 1, focusPending: true })),
  focusTaken: () => set({ focusPending: false }),

  async reopen(item) {
    try {
      const r = await api.call('dispense.reopen', { dispensingId: item.dispensingId });
      useDispenseStore.getState().show(r.dispensing);
    } catch (err) {
      reportFailure(err);
      void get().load();
    }
  },

  async cancelShown(reason) {
    const view = useDispenseStore.getState().view;
    if (!view || get().cancelling) return false;
    set({ cancelling: true, cancelError: null });
    try {
      const done = await api.call('dispense.cancelHeld', {
        dispensingId: view.dispensingId,
        reason,
      });
      set({ cancelling: false });
      beep('success');
      useDispenseStore
        .getState()
        .show(await api.call('dispense.get', { dispensingId: view.dispensingId }));
      useFeedbackStore
        .getState()
        .showNotice(
          `已撤销调剂（调剂单 ${done.dispensingId}）：${done.packs} 盒退回库存，${done.codes} 个追溯码可再次销售`,
        );
      void get().load();
      return true;
    } catch (err) {
      const shape = toShape(err);
      if (isUnauthenticated(err)) useSessionStore.getState().expire(shape.message);
      set({ cancelling: false, cancelError: shape });
      return false;
    }
  },

  clearCancelError: () => set({ cancelError: null }),
}));
