import { create } from 'zustand';
import { ApiError } from '../../contract/client';
import type {
  SaleUploadsView,
  SettlementState,
  SettlementView,
  SettlePreview,
} from '../../contract/types-settlement';
import type { AppErrorShape } from '../../domain/errors';
import type { ReceiptChoice } from '../../domain/settlement/receipt-choice';
import { api, isUnauthenticated, toShape } from '../api';
import { beep } from '../feedback/beep';
import { callFailure } from '../stores/call-failure';
import { useSessionStore } from '../stores/session-store';

/** idle: nothing asked yet; preview: the 2101 split waits for the patient's Enter; result: a settlement exists. */
export type SettlePhase = 'idle' | 'previewing' | 'preview' | 'confirming' | 'result';

interface SettleState {
  dispensingId: number | null;
  phase: SettlePhase;
  preview: SettlePreview | null;
  settlement: SettlementView | null;
  uploads: SaleUploadsView | null;
  refunding: boolean;
  refreshingUploads: boolean;
  handlingSupervision: boolean;
  /** Shown inside the settlement panel. */
  error: AppErrorShape | null;
  /** R-EINVOICE: what the patient takes (the electronic receipt is stored either way). */
  receiptChoice: ReceiptChoice;
  chooseReceipt(choice: ReceiptChoice): void;
  /** acct_used_flag: whether the patient pays their share from the personal account. */
  useAccount: boolean;
  /** The patient's choice; a new 2101 shows the split it gives. */
  chooseAccount(useAccount: boolean): Promise<void>;
  /** The settlement of this dispensing, if there is one (on opening a completed dispensing). */
  load(dispensingId: number): Promise<void>;
  /** F5: 2101, or the existing settlement when one is live. */
  openPreview(): Promise<void>;
  cancelPreview(): void;
  /** Enter: 2102 with the previewed lines. */
  confirm(): Promise<void>;
  /** R-SUPERVISE: the pharmacist's decision on the preview's supervision findings. */
  handleSupervision(choice: 'continue' | 'cancel', reason: string): Promise<void>;
  /** One step of following an unresolved outcome (2601) or a settlement in flight. */
  follow(): Promise<void>;
  refreshUploads(): Promise<void>;
  refund(reason: string): Promise<boolean>;
  reset(): void;
}

/** States whose outcome is still being established by the backend. */
const MOVING: ReadonlySet<SettlementState> = new Set([
  'settling',
  'outcome_unknown',
  'refunding',
  'refund_unknown',
]);

export function isMoving(s: SettlementView | null): boolean {
  return s !== null && MOVING.has(s.state);
}

let generation = 0;
let following = false;

const isNotFound = (err: unknown) => err instanceof ApiError && err.shape.code === 'NOT_FOUND';

const EMPTY = {
  dispensingId: null,
  phase: 'idle' as SettlePhase,
  preview: null,
  settlement: null,
  uploads: null,
  refunding: false,
  refreshingUploads: false,
  handlingSupervision: false,
  error: null,
  receiptChoice: 'paper' as ReceiptChoice,
  useAccount: true,
};

export const useSettleStore = create<SettleState>((set, get) => {
  function showSettlement(settlement: SettlementView): void {
    set({ settlement, phase: 'result', preview: null, uploads: null });
  }

  return {
    ...EMPTY,

    async load(dispensingId) {
      const gen = ++generation;
      set({ ...EMPTY, dispensingId });
      try {
        const settlement = await api.call('settle.get', { dispensingId });
        if (gen === generation) showSettlement(settlement);
      } catch (err) {
        if (gen !== generation || isNotFound(err)) return;
        set({ error: callFailure(err) });
      }
    },

    async openPreview() {
      const { dispensingId, phase, settlement } = get();
      if (dispensingId === null || phase === 'previewing' || phase === 'confirming') return;
      if (settlement && !settlement.canSettleAgain) {
        beep('warning');
        set({ error: { code: 'CONFLICT', message: settlement.nextStep, ruleId: 'R-SETTLE' } });
        return;
      }
      const gen = generation;
      set({ phase: 'previewing', error: null });
      try {
        // The backend waits (bounded) for the review's 7206 before it answers (R-OPINION).
        const preview = await api.call('settle.preview', {
          dispensingId,
          useAccount: get().useAccount,
        });
        if (gen !== generation) return;
        set({ preview, phase: 'preview' });
        beep(
          preview.split.cash.fen > 0 || preview.selfPayNotices.length > 0 ? 'warning' : 'success',
        );
      } catch (err) {
        if (gen === generation)
          set({ phase: settlement ? 'result' : 'idle', error: callFailure(err) });
      }
    },

    chooseReceipt(choice: ReceiptChoice) {
      set({ receiptChoice: choice });
    },

    async chooseAccount(useAccount) {
      if (get().phase !== 'preview' || get().useAccount === useAccount) return;
      set({ useAccount, preview: null, phase: get().settlement ? 'result' : 'idle' });
      await get().openPreview();
    },

    cancelPreview() {
      if (get().phase !== 'preview') return;
      set({ preview: null, phase: get().settlement ? 'result' : 'idle', error: null });
    },

    async confirm() {
      const { dispensingId, preview, phase } = get();
      if (dispensingId === null || !preview || phase !== 'preview') return;
      const gen = generation;
      set({ phase: 'confirming', error: null });
      try {
        const settlement = await api.call('settle.confirm', {
          dispensingId,
          previewId: preview.previewId,
          receiptChoice: get().receiptChoice,
        });
        if (gen !== generation) return;
        showSettlement(settlement);
        beep(settlement.state === 'settled' ? 'success' : 'warning');
      } catch (err) {
        if (gen !== generation) return;
        const error = callFailure(err);
        set({ error });
        try {
          const settlement = await api.call('settle.get', { dispensingId });
          if (gen === generation) showSettlement(settlement);
        } catch {
          if (gen === generation) set({ phase: 'preview' });
        }
      }
    },

    async handleSupervision(choice, reason) {
      const { dispensingId, preview, phase } = get();
      if (dispensingId === null || !preview || phase !== 'preview') return;
      const gen = generation;
      set({ handlingSupervision: true, error: null });
      try {
        const supervision = await api.call('supervision.handle', {
          dispensingId,
          checkId: preview.supervision.checkId,
          choice,
          reason,
        });
        if (gen !== generation) return;
        set({ preview: { ...preview, supervision }, handlingSupervision: false });
        beep(supervision.settleAllowed ? 'success' : 'warning');
      } catch (err) {
        if (gen === generation) set({ handlingSupervision: false, error: callFailure(err) });
      }
    },

    async follow() {
      const current = get().settlement;
      if (!current || !isMoving(current) || following) return;
      following = true;
      const gen = generation;
      const settlementId = current.settlementId;
      try {
        const unresolved =
          current.state === 'outcome_unknown' || current.state === 'refund_unknown';
        const settlement = unresolved
          ? await api.call('settle.resolveUnknown', { settlementId })
          : await api.call('settle.get', { settlementId });
        if (gen !== generation) return;
        showSettlement(settlement);
        if (!isMoving(settlement)) beep(settlement.state === 'settled' ? 'success' : 'warning');
      } catch (err) {
        if (gen !== generation) return;
        const shape = toShape(err);
        if (isUnauthenticated(err)) useSessionStore.getState().expire(shape.message);
        else set({ error: shape });
      } finally {
        following = false;
      }
    },

    async refreshUploads() {
      const settlement = get().settlement;
      if (!settlement || get().refreshingUploads) return;
      const gen = generation;
      set({ refreshingUploads: true });
      try {
        const uploads = await api.call('uploads.forSale', {
          settlementId: settlement.settlementId,
        });
        if (gen === generation) set({ uploads, refreshingUploads: false });
      } catch (err) {
        if (gen === generation) set({ refreshingUploads: false, error: callFailure(err) });
      }
    },

    async refund(reason) {
      const settlement = get().settlement;
      if (!settlement || get().refunding) return false;
      const gen = generation;
      set({ refunding: true, error: null });
      try {
        const next = await api.call('refund.start', {
          settlementId: settlement.settlementId,
          reason,
        });
        if (gen !== generation) return false;
        set({ refunding: false });
        showSettlement(next);
        beep(next.state === 'refunded' ? 'success' : 'warning');
        return true;
      } catch (err) {
        if (gen !== generation) return false;
        set({ refunding: false, error: callFailure(err) });
        return false;
      }
    },

    reset() {
      generation++;
      set(EMPTY);
    },
  };
});
