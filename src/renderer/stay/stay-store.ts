import { create } from 'zustand';
import type { StayHandoverView, StayMaterialsView } from '../../contract/types-settlement';
import type { AppErrorShape } from '../../domain/errors';
import { api, isUnauthenticated, toShape } from '../api';
import { useDispenseStore } from '../dispense/dispense-store';
import { beep } from '../feedback/beep';
import { useFeedbackStore } from '../stores/feedback-store';
import { reportFailure } from '../stores/report-failure';
import { useSessionStore } from '../stores/session-store';

export interface StayForm {
  hospital: string;
  stayNo: string;
  formSeen: boolean;
}

interface StayState {
  /** The hand-over of the dispensing on screen, with its materials; null when none. */
  record: StayHandoverView | null;
  materials: StayMaterialsView | null;
  busy: boolean;
  error: AppErrorShape | null;
  /** Loads the record and materials of the dispensing shown (after it was handed over). */
  load(dispensingId: number): Promise<void>;
  /** Re-reads the record only, to follow its 3505 until the center has it. */
  refresh(dispensingId: number): Promise<void>;
  /** 随住院结算 of the dispensing on screen (R-MT-SETTLE); true when recorded. */
  submit(form: StayForm): Promise<boolean>;
  /** 撤销 of the hand-over with the pharmacist's reason; true when done. */
  withdraw(reason: string): Promise<boolean>;
  clearError(): void;
}

async function refreshDispensing(dispensingId: number): Promise<void> {
  useDispenseStore.getState().show(await api.call('dispense.get', { dispensingId }));
}

export const useStayStore = create<StayState>((set, get) => {
  const fail = (err: unknown) => {
    const shape = toShape(err);
    if (isUnauthenticated(err)) useSessionStore.getState().expire(shape.message);
    set({ busy: false, error: shape });
    return false;
  };
  return {
    record: null,
    materials: null,
    busy: false,
    error: null,

    async load(dispensingId) {
      try {
        const [record, materials] = await Promise.all([
          api.call('stay.get', { dispensingId }),
          api.call('stay.materials', { dispensingId }),
        ]);
        set({ record, materials });
      } catch (err) {
        reportFailure(err);
      }
    },

    async refresh(dispensingId) {
      try {
        const record = await api.call('stay.get', { dispensingId });
        if (get().record?.dispensingId === dispensingId) set({ record });
      } catch (err) {
        reportFailure(err);
      }
    },

    async submit(form) {
      const view = useDispenseStore.getState().view;
      if (!view || get().busy || !form.formSeen) return false;
      set({ busy: true, error: null });
      try {
        const record = await api.call('stay.record', {
          dispensingId: view.dispensingId,
          hospital: form.hospital.trim(),
          stayNo: form.stayNo.trim(),
          formSeen: true,
        });
        set({ busy: false, record });
        beep('success');
        await refreshDispensing(view.dispensingId);
        useFeedbackStore
          .getState()
          .showNotice(`已登记随住院结算（${record.docNo}），请打印材料交患者带回医院`);
        return true;
      } catch (err) {
        return fail(err);
      }
    },

    async withdraw(reason) {
      const view = useDispenseStore.getState().view;
      if (!view || get().busy) return false;
      set({ busy: true, error: null });
      try {
        const done = await api.call('stay.withdraw', { dispensingId: view.dispensingId, reason });
        set({ busy: false, record: null, materials: null });
        beep('success');
        await refreshDispensing(view.dispensingId);
        useFeedbackStore
          .getState()
          .showNotice(
            `已撤销随住院结算并撤销调剂（调剂单 ${done.dispensingId}）：${done.packs} 盒退回库存，${done.codes} 个追溯码可再次销售`,
          );
        return true;
      } catch (err) {
        return fail(err);
      }
    },

    clearError: () => set({ error: null }),
  };
});
