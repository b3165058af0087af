import { create } from 'zustand';
import type { ReviewStart, ReviewView } from '../../contract/types-review';
import type { AppErrorShape } from '../../domain/errors';
import { ruleCitationForUsers } from '../../domain/rules';
import { api, isUnauthenticated, toShape } from '../api';
import { beep } from '../feedback/beep';
import { useShiftStore } from '../shift/shift-store';
import { useSessionStore } from '../stores/session-store';
import { useHistoryStore } from './history-store';
import { EMPTY_FORM, formProblem, needsDualChannel, type ReviewForm } from './review-form';

interface ReviewState {
  /** The review panel (F6) is shown for this prescription. */
  hiRxno: string | null;
  start: ReviewStart | null;
  loading: boolean;
  submitting: boolean;
  /** Shown inside the panel. */
  error: AppErrorShape | null;
  form: ReviewForm;
  /** Unsubmitted forms by prescription: a typed opinion survives leaving and reopening it. */
  drafts: Readonly<Record<string, ReviewForm>>;
  /** The review submitted from this panel, or the latest one, with its 7206 upload state. */
  review: ReviewView | null;
  openPanel(hiRxno: string): Promise<void>;
  closePanel(): void;
  /** Forgets every draft: nothing of one staff member's review is left for the next. */
  clearDrafts(): void;
  setForm(patch: Partial<ReviewForm>): void;
  /** The panel waits for the pharmacist's own e-voucher: a scanned token goes to the review. */
  isWaitingForVoucher(): boolean;
  submitWithVoucher(ecToken: string): Promise<void>;
  refreshUpload(): Promise<void>;
}

let latest = 0;

function failure(err: unknown): AppErrorShape {
  const shape = toShape(err);
  if (isUnauthenticated(err)) useSessionStore.getState().expire(shape.message);
  return shape;
}

export const useReviewStore = create<ReviewState>((set, get) => ({
  hiRxno: null,
  start: null,
  loading: false,
  submitting: false,
  error: null,
  form: EMPTY_FORM,
  drafts: {},
  review: null,

  async openPanel(hiRxno) {
    const id = ++latest;
    const form = get().drafts[hiRxno] ?? EMPTY_FORM;
    set({ hiRxno, start: null, loading: true, error: null, form, review: null });
    void useHistoryStore.getState().load(hiRxno);
    void useShiftStore.getState().load();
    try {
      const start = await api.call('review.start', { hiRxno });
      if (id !== latest) return;
      const previous = start.previous && !start.previous.superseded ? start.previous : null;
      set({ start, loading: false, review: previous });
    } catch (err) {
      if (id === latest) set({ loading: false, error: failure(err) });
    }
  },

  closePanel() {
    latest++;
    set({
      hiRxno: null,
      start: null,
      loading: false,
      submitting: false,
      error: null,
      review: null,
    });
    useHistoryStore.getState().reset();
  },

  clearDrafts() {
    set({ drafts: {}, form: EMPTY_FORM });
  },

  setForm(patch) {
    const { hiRxno, drafts } = get();
    const form = { ...get().form, ...patch };
    set({ form, error: null, drafts: hiRxno ? { ...drafts, [hiRxno]: form } : drafts });
  },

  isWaitingForVoucher() {
    const { hiRxno, start, submitting, review } = get();
    if (!hiRxno || !start || submitting) return false;
    const submittedHere = review !== null && review.reviewId !== start.previous?.reviewId;
    return !submittedHere && (start.canSubmit.pass || start.canSubmit.reject);
  },

  async submitWithVoucher(ecToken) {
    const { hiRxno, start, form } = get();
    if (!hiRxno || !start || get().submitting) return;
    if (!get().isWaitingForVoucher()) {
      beep('error');
      const reason = start.canSubmit.reason ?? '本处方已审核，不需要再扫描药师医保电子凭证';
      set({ error: { code: 'FORBIDDEN', message: reason, ruleId: 'R-PHARMACIST' } });
      return;
    }
    const problem = formProblem(start, form);
    if (problem || !form.result) {
      beep('error');
      set({
        error: {
          code: 'VALIDATION',
          message: problem?.text ?? '请先选择审核结果',
          ...(problem?.ruleId
            ? { ruleId: problem.ruleId, citation: ruleCitationForUsers(problem.ruleId) }
            : {}),
        },
      });
      return;
    }
    const id = latest;
    set({ submitting: true, error: null });
    try {
      const review = await api.call('review.submit', {
        hiRxno,
        result: form.result,
        opinion: form.opinion.trim(),
        ecToken,
        ...(needsDualChannel(start)
          ? {
              dualChannel: {
                identityChecked: form.identityChecked,
                prescriptionChecked: form.prescriptionChecked,
                medicalRecordChecked: form.medicalRecordChecked,
                note: form.note.trim(),
              },
            }
          : {}),
        ...(form.result === 'reject' && form.suspect
          ? { suspect: { reason: form.suspectReason.trim() } }
          : {}),
        ...(form.layoutConfirmed.length > 0 ? { layoutConfirmed: form.layoutConfirmed } : {}),
      });
      const { [hiRxno]: _submitted, ...drafts } = get().drafts;
      if (id !== latest) {
        set({ drafts });
        return;
      }
      set({ review, submitting: false, drafts });
      beep('success');
    } catch (err) {
      if (id !== latest) return;
      beep('error');
      set({ submitting: false, error: failure(err) });
    }
  },

  async refreshUpload() {
    const { hiRxno, review } = get();
    if (!hiRxno || !review) return;
    const id = latest;
    try {
      const fresh = await api.call('review.get', { hiRxno });
      if (id === latest) set({ review: fresh });
    } catch (err) {
      if (id === latest) set({ error: failure(err) });
    }
  },
}));
