import { create } from 'zustand';
import type { DispensingView, GuidanceView, ScanVerdict } from '../../contract/types-dispense';
import type { AppErrorShape } from '../../domain/errors';
import { api, isUnauthenticated, toShape } from '../api';
import { beep } from '../feedback/beep';
import { useNavigation } from '../navigation/navigation-store';
import { useFeedbackStore } from '../stores/feedback-store';
import { reportFailure } from '../stores/report-failure';
import { useSessionStore } from '../stores/session-store';

interface DispenseState {
  view: DispensingView | null;
  /** The answer to the last scan, shown large until the next one. */
  verdict: ScanVerdict | null;
  starting: boolean;
  completing: boolean;
  guidance: GuidanceView | null;
  guidanceError: AppErrorShape | null;
  /** dispense.start: opens or resumes the dispensing of a reviewed prescription. */
  start(hiRxno: string): Promise<void>;
  /** Shows a dispensing opened elsewhere (a paper prescription from the paper screen). */
  show(view: DispensingView): void;
  /** Scans go to the backend one after another, in the order they were read. */
  scan(code: string): Promise<void>;
  removeCode(code: string): Promise<void>;
  complete(): Promise<void>;
  cancel(): Promise<void>;
  loadGuidance(): Promise<void>;
  /** Back to the prescription; an open dispensing stays open and resumes with start. */
  leave(): void;
  reset(): void;
}

let queue: Promise<void> = Promise.resolve();
let generation = 0;

export const useDispenseStore = create<DispenseState>((set, get) => {
  const isOpen = () => get().view?.state === 'open';

  async function scanNow(code: string, gen: number): Promise<void> {
    const view = get().view;
    if (gen !== generation || !view || view.state !== 'open') return;
    try {
      const verdict = await api.call('dispense.scan', { dispensingId: view.dispensingId, code });
      if (gen !== generation) return;
      set({ verdict, view: verdict.dispensing });
      useFeedbackStore.getState().clear();
      beep(verdict.verdict === 'accepted' ? 'success' : 'refused');
    } catch (err) {
      if (gen === generation) reportFailure(err);
    }
  }

  return {
    view: null,
    verdict: null,
    starting: false,
    completing: false,
    guidance: null,
    guidanceError: null,

    async start(hiRxno) {
      if (get().starting) return;
      const gen = ++generation;
      set({ starting: true });
      useFeedbackStore.getState().clear();
      try {
        const view = await api.call('dispense.start', { hiRxno });
        if (gen !== generation) return;
        set({ view, verdict: null, starting: false, guidance: null, guidanceError: null });
        useNavigation.getState().go('dispense');
        if (view.state === 'completed') void get().loadGuidance();
      } catch (err) {
        if (gen !== generation) return;
        set({ starting: false });
        reportFailure(err);
      }
    },

    show(view) {
      generation++;
      set({ view, verdict: null, starting: false, guidance: null, guidanceError: null });
      useFeedbackStore.getState().clear();
      useNavigation.getState().go('dispense');
      if (view.state === 'completed') void get().loadGuidance();
    },

    scan(code) {
      const gen = generation;
      queue = queue.then(() => scanNow(code, gen));
      return queue;
    },

    async removeCode(code) {
      const view = get().view;
      if (!view || !isOpen()) return;
      const gen = generation;
      try {
        const next = await api.call('dispense.removeCode', {
          dispensingId: view.dispensingId,
          code,
        });
        if (gen === generation) set({ view: next, verdict: null });
      } catch (err) {
        if (gen === generation) reportFailure(err);
      }
    },

    async complete() {
      const view = get().view;
      if (!view || !isOpen() || get().completing) return;
      if (!view.readyToComplete) {
        useFeedbackStore.getState().showError({
          code: 'POLICY',
          message: `还不能完成调剂：${view.blockers.join('；') || '尚有药品未扫码'}`,
          ruleId: 'R-TRACE',
        });
        return;
      }
      const gen = generation;
      set({ completing: true });
      try {
        await queue;
        const done = await api.call('dispense.complete', { dispensingId: view.dispensingId });
        if (gen !== generation) return;
        set({ view: done, verdict: null, completing: false });
        useFeedbackStore.getState().clear();
        beep('success');
        void get().loadGuidance();
      } catch (err) {
        if (gen !== generation) return;
        set({ completing: false });
        reportFailure(err);
      }
    },

    async cancel() {
      const view = get().view;
      if (!view || !isOpen()) return;
      const gen = generation;
      try {
        const cancelled = await api.call('dispense.cancel', { dispensingId: view.dispensingId });
        if (gen === generation) set({ view: cancelled, verdict: null });
      } catch (err) {
        if (gen === generation) reportFailure(err);
      }
    },

    async loadGuidance() {
      const view = get().view;
      if (!view) return;
      const gen = generation;
      try {
        const guidance = view.paper
          ? await api.call('guidance.forPaper', { paperId: view.paper.id })
          : await api.call('guidance.forPrescription', { hiRxno: view.hiRxno ?? '' });
        if (gen === generation) set({ guidance, guidanceError: null });
      } catch (err) {
        if (gen !== generation) return;
        const shape = toShape(err);
        if (isUnauthenticated(err)) useSessionStore.getState().expire(shape.message);
        set({ guidanceError: shape });
      }
    },

    leave() {
      generation++;
      const paper = get().view?.source === 'paper';
      set({ view: null, verdict: null, guidance: null, guidanceError: null, completing: false });
      useFeedbackStore.getState().clear();
      // A paper dispensing has no e-prescription to go back to (Alt+P reopens the archive).
      useNavigation.getState().go(paper ? 'counter' : 'prescription');
    },

    reset() {
      generation++;
      set({
        view: null,
        verdict: null,
        starting: false,
        completing: false,
        guidance: null,
        guidanceError: null,
      });
    },
  };
});
